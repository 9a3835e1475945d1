# Catalogs of every generation (eucalyptus.md §1.7) and a euimage pack, written to a folder that tests read with -Path
# or serve over HTTP with the local cloud's /files/ endpoint (Start-EucaLocalCloud -FilesDirectory). Download URLs
# that are relative resolve beside the catalog, on disk or on the server; the url-meta entry's document is there too.

Set-StrictMode -Version Latest

function New-TestCatalogFolder {
    <#
    .SYNOPSIS
    Writes eustore/catalog, catalog-web.json, image-catalog.json (with a url-meta entry and streams/stable.json) and
    packs/centos-7-20160412.x86_64.euimage under -Path, and returns -Path.
    #>
    param([Parameter(Mandatory)] [string] $Path)

    foreach ($folder in 'eustore', 'streams', 'packs') { New-Item -ItemType Directory -Force (Join-Path $Path $folder) | Out-Null }

    @'
{ "version": "eustore-catalog-2011-12-29", "images": [
  { "name": "1330543208", "description": "CentOS 5 1.3GB root, Hypervisor-Specific Kernels", "version": "2011.07.02",
    "architecture": "x86_64", "os": "centos", "single-kernel": "False", "hypervisors-supported": ["xen", "kvm"],
    "url": "centos-5/euca-centos-2011.07.02-x86_64.tar.gz", "date": "20110702120000", "recipe": "centos-based",
    "stamp": "6e69-7565", "contact": "images@eucalyptus.com" },
  { "name": "2456789012", "description": "Ubuntu 10.04 i386", "version": "2011.05.20", "architecture": "i386", "os": "ubuntu",
    "single-kernel": "True", "hypervisors-supported": ["kvm"], "url": "ubuntu-10.04/euca-ubuntu-10.04-i386.tar.gz",
    "date": "20110520080000" } ] }
'@ | Set-Content (Join-Path $Path 'eustore/catalog')

    @'
{ "images": [
  { "os": "centos7", "version": "7.2", "created-date": "2016-05-11", "description": "CentOS 7 cloud image",
    "url": "images/centos7-20160511.raw.xz", "image-format": "raw" },
  { "os": "ubuntu-trusty", "version": "14.04", "created-date": "2016-06-01", "description": "Ubuntu 14.04 cloud image",
    "url": "images/trusty.qcow2", "image-format": "qcow2" } ] }
'@ | Set-Content (Join-Path $Path 'catalog-web.json')

    @'
{ "version": "sjones4-10-31-20", "images": [
  { "os": "ubuntu-focal", "description": "Ubuntu 20.04 LTS", "login": "ubuntu", "architecture": "x86_64",
    "url": "https://cloud-images.example.org/focal/current/focal-server-cloudimg-amd64.img", "image-format": "qcow2" },
  { "os": "centos-8", "description": "CentOS 8", "login": "centos", "url": "images/centos-8.raw.xz" },
  { "os": "fedora-coreos", "description": "Fedora CoreOS stable", "login": "core", "image-format": "qcow2",
    "url-meta": "streams/stable.json",
    "url-meta-regex": "\"location\": \"(https://[^\"]*openstack[^\"]*qcow2\\.xz)\"" } ] }
'@ | Set-Content (Join-Path $Path 'image-catalog.json')

    @'
{ "stream": "stable", "architectures": { "x86_64": { "artifacts": { "openstack": { "formats": { "qcow2.xz": { "disk": {
  "location": "https://builds.example.org/fedora-coreos-34.20210626.3.1-openstack.x86_64.qcow2.xz" } } } } } } } }
'@ | Set-Content (Join-Path $Path 'streams/stable.json')

    New-TestEuimagePack -Path (Join-Path $Path 'packs/centos-7-20160412.x86_64.euimage')
    $Path
}

function New-TestEuimagePack {
    <#
    .SYNOPSIS
    A .euimage shaped as euimage-pack-image writes it: a tar of pack-md.yml, image-md.yml and image.xz (in that order),
    pack-md.yml holding the SHA-256 of the image and of image-md.yml. The image bytes stand in for an xz stream.
    #>
    param([Parameter(Mandatory)] [string] $Path)

    $imageMd = @'
name: centos
version: '7'
release: '20160412'
arch: x86_64
description: CentOS 7 for Eucalyptus
profiles:
  default:
    register:
      virtualization-type: hvm
  paravirtual:
    register:
      virtualization-type: paravirtual
'@
    $image = [byte[]]::new(8192)
    [System.Random]::new(3).NextBytes($image)
    $imageMdBytes = [System.Text.Encoding]::UTF8.GetBytes($imageMd)
    $sha = { param($bytes) [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($bytes)).ToLowerInvariant() }
    $packMd = "image:`n  sha256sum: $(& $sha $image)`n  size: 32768`nimage_metadata:`n  sha256sum: $(& $sha $imageMdBytes)`nversion: 1`n"

    $file = [System.IO.File]::Create($Path)
    try {
        $tar = [System.Formats.Tar.TarWriter]::new($file, [System.Formats.Tar.TarEntryFormat]::Pax, $false)
        foreach ($member in @(
                @{ Name = 'pack-md.yml'; Bytes = [System.Text.Encoding]::UTF8.GetBytes($packMd) }
                @{ Name = 'image-md.yml'; Bytes = $imageMdBytes }
                @{ Name = 'image.xz'; Bytes = $image })) {
            $entry = [System.Formats.Tar.PaxTarEntry]::new([System.Formats.Tar.TarEntryType]::RegularFile, $member.Name)
            $entry.DataStream = [System.IO.MemoryStream]::new($member.Bytes)
            $tar.WriteEntry($entry)
        }
        $tar.Dispose()
    }
    finally { $file.Dispose() }
}

Export-ModuleMember -Function New-TestCatalogFolder, New-TestEuimagePack
