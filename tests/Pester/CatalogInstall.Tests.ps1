# Install-EucaCatalogImage end to end: images served by the local cloud's /files/ endpoint, whose first GET of every
# file is cut off half way (so every download here resumes with a range), installed into the local cloud and s3rver.
# The cloud gives the S3RVER key to the administrator account, since eustore tarballs install kernels and ramdisks.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:signing = Get-TestSigningArguments $keys
    $configPath = New-AdminCloudConfig -Keys $keys -Path (Join-Path $TestDrive 'admin-cloud.json')

    # The served files: one small disk in every form a catalog offers.
    $script:files = New-Item -ItemType Directory (Join-Path $TestDrive 'files') | ForEach-Object FullName
    $script:disk = Join-Path $TestDrive 'disk.raw'
    New-TestImage -Path $disk -Seed 14 -RandomBytes 300000 -ZeroBytes 700000 -TextBytes 48576
    $script:diskHash = (Get-FileHash -Algorithm SHA256 $disk).Hash
    function script:Invoke-Bash([string] $Command) {
        & bash -c "set -euo pipefail; cd '$files'; $Command"
        if ($LASTEXITCODE -ne 0) { throw "'$Command' failed ($LASTEXITCODE)" }
    }
    Copy-Item $disk (Join-Path $files 'focal.raw')
    Copy-Item $disk (Join-Path $files 'centos.img')
    Invoke-Bash 'xz -k -T1 focal.raw && bzip2 -k focal.raw && mv focal.raw.bz2 centos.raw.bz2 && cp focal.raw ubuntu.raw && tar czf ubuntu.tar.gz ubuntu.raw && rm ubuntu.raw'
    ConvertTo-QemuTestImage $disk qcow2 (Join-Path $files 'debian.qcow2') | Out-Null
    ConvertTo-QemuTestImage $disk vmdk (Join-Path $files 'web.vmdk') | Out-Null
    Copy-Item (Join-Path (Get-Euca2oolsTestData) 'vmlinuz-test') (Join-Path $TestDrive 'vmlinuz')
    Invoke-Bash "mkdir kvm-kernel && cp '$TestDrive/vmlinuz' kvm-kernel/vmlinuz-2.6.32 && head -c 30000 focal.raw > kvm-kernel/initrd-2.6.32.img && tar czf centos-eustore.tgz centos.img kvm-kernel"
    $sha = $diskHash.ToLowerInvariant()
    Invoke-Bash "printf 'name: rocky\nversion: \x2797\x27\nrelease: \x271\x27\narch: x86_64\nprofiles:\n  default:\n    register:\n      virtualization-type: hvm\n' > image-md.yml && printf 'image:\n  sha256sum: $sha\n  size: 1048576\nimage_metadata:\n  sha256sum: %s\nversion: 1\n' `$(sha256sum image-md.yml | cut -c1-64) > pack-md.yml && cp focal.raw.xz image.xz && tar cf rocky.euimage pack-md.yml image-md.yml image.xz"
    # eustore names each tarball by the CRC-32 of its MD5 hex digest; a wrong name is a wrong checksum.
    $script:eustoreName = (& python3 -c "import hashlib,zlib,sys; print('%010d' % (zlib.crc32(hashlib.md5(open(sys.argv[1],'rb').read()).hexdigest().encode()) & 0xffffffff))" (Join-Path $files 'centos-eustore.tgz')).Trim()
    $script:wrongName = '{0:D10}' -f (([long]$eustoreName + 1) % 10000000000)
    Copy-Item (Join-Path $files 'centos-eustore.tgz') (Join-Path $files 'tampered.tgz')

    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ConfigPath $configPath -ObjectStorageUrl $storage.Url -PendingSeconds 0.2 -FilesDirectory $files `
        -FilesDropFirstAfter 200000 -AdditionalArguments '--conversion-interval-ms', '20'
    @{
        version = 'eustore-catalog-2011-12-29'
        images  = @(
            @{ name = $eustoreName; description = 'CentOS 6 (kvm)'; version = '2011.07.02'; architecture = 'x86_64'; os = 'centos'
                'single-kernel' = 'False'; 'hypervisors-supported' = @('kvm'); url = "$($cloud.FilesUrl)centos-eustore.tgz"; date = '20111229000000' }
            @{ name = $wrongName; description = 'tampered'; version = '2011.07.02'; architecture = 'x86_64'; os = 'tampered'
                'single-kernel' = 'False'; 'hypervisors-supported' = @('kvm'); url = "$($cloud.FilesUrl)tampered.tgz"; date = '20111229000000' }
        )
    } | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $files 'catalog')

    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey 'S3RVER' -SecretKey 'S3RVER' -AccountId '000000000001'
    # Downloads and unpacked files go under TMPDIR: a folder of this test's own, checked empty after each install.
    $script:savedTmp = $env:TMPDIR
    $env:TMPDIR = New-Item -ItemType Directory (Join-Path $TestDrive 'tmp') | ForEach-Object FullName
    $script:downloads = Join-Path $env:TMPDIR 'euca-catalog-downloads'
    function script:Get-Leftovers { if (Test-Path $downloads) { Get-ChildItem -Recurse -Force $downloads } }
    function script:Get-InstalledHash($Image) {
        Get-StoredBundleImageHash -ManifestLocation $Image.ImageLocation -PrivateKey $signing.PrivateKey -WorkFolder $TestDrive
    }
}

AfterAll {
    $env:TMPDIR = $savedTmp
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Install-EucaCatalogImage from a URL' -Tags 'CI' {
    It 'installs <File> though its first download is cut off, as the raw disk it holds' -ForEach @(
        @{ File = 'focal.raw.xz' }, @{ File = 'centos.raw.bz2' }, @{ File = 'ubuntu.tar.gz' }, @{ File = 'debian.qcow2' }, @{ File = 'web.vmdk' }
    ) {
        $name = 'url-' + ($File -replace '\.', '-')
        $image = Install-EucaCatalogImage -Uri "$($cloud.FilesUrl)$File" -Name $name -Bucket $name @signing -Confirm:$false
        $image.Name | Should -Be $name
        $image.VirtualizationType | Should -Be 'Hvm'
        $image.Tags['catalog:name'] | Should -Be $name
        Get-InstalledHash $image | Should -Be $diskHash
        Get-Leftovers | Should -BeNullOrEmpty
    }

    It 'grows the disk to -MinimumSize with zeros at the end, and shares it with -Public' {
        $image = Install-EucaCatalogImage -Uri "$($cloud.FilesUrl)focal.raw.xz" -Name 'padded' -Bucket 'padded' -MinimumSize 8MB -Public @signing -Confirm:$false
        $image.IsPublic | Should -BeTrue
        (Get-EucaImageAttribute -ImageId $image.ImageId -Attribute LaunchPermission).IsPublic | Should -BeTrue
        $expanded = Expand-EucaBundle -ManifestLocation $image.ImageLocation -PrivateKey $signing.PrivateKey -Destination (Join-Path $TestDrive 'padded')
        (Get-Item $expanded.Path).Length | Should -Be 8MB
        $expected = Join-Path $TestDrive 'padded-expected.raw'
        Copy-Item $disk $expected
        $stream = [System.IO.File]::OpenWrite($expected); $stream.SetLength(8MB); $stream.Dispose()
        (Get-FileHash $expanded.Path).Hash | Should -Be (Get-FileHash $expected).Hash
    }

    It 'keeps the verified download with -KeepDownload, and only then' {
        Install-EucaCatalogImage -Uri "$($cloud.FilesUrl)centos.raw.bz2" -Name 'kept' -Bucket 'kept' -KeepDownload @signing -Confirm:$false | Out-Null
        $kept = @(Get-ChildItem -File $downloads)
        $kept.Count | Should -Be 1
        $kept[0].Name | Should -BeLike '*-centos.raw.bz2'
        (Get-FileHash $kept[0].FullName).Hash | Should -Be (Get-FileHash (Join-Path $files 'centos.raw.bz2')).Hash
        Remove-Item $kept[0].FullName
    }

    It 'makes an EBS-backed image with -Ebs, tagged like the others' {
        $image = Install-EucaCatalogImage -Uri "$($cloud.FilesUrl)focal.raw.xz" -Name 'focal-ebs' -Bucket 'focal-ebs' -Ebs -Confirm:$false
        $image.RootDeviceType | Should -Be 'Ebs'
        $image.Tags['catalog:name'] | Should -Be 'focal-ebs'
        Get-Leftovers | Should -BeNullOrEmpty
    }

    It 'loads SharpCompress in the module''s own load context, not the default one' {
        $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SharpCompress' }
        $assembly | Should -Not -BeNullOrEmpty
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly[0]) | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
    }
}

Describe 'Install-EucaCatalogImage from the catalog' -Tags 'CI' {
    It 'installs an eustore tarball as the kernel, the ramdisk and the paravirtual image paired with them, all tagged' {
        $images = @(Find-EucaCatalogImage -Uri $cloud.FilesUrl -Name $eustoreName | Install-EucaCatalogImage -Bucket 'eustore' @signing -Confirm:$false)
        $images.Count | Should -Be 3
        $images[0].ImageType | Should -Be 'Kernel'
        $images[0].Name | Should -Be "$eustoreName-kernel"
        $images[1].ImageType | Should -Be 'Ramdisk'
        $images[2].VirtualizationType | Should -Be 'Paravirtual'
        $images[2].KernelId | Should -Be $images[0].ImageId
        $images[2].RamdiskId | Should -Be $images[1].ImageId
        foreach ($image in $images) {
            $image.Tags['catalog:name'] | Should -Be $eustoreName
            $image.Tags['catalog:version'] | Should -Be '2011.07.02'
        }
        (Get-EucaTag -ResourceId $images[2].ImageId | Where-Object Key -eq 'catalog:version').Value | Should -Be '2011.07.02'
        Get-InstalledHash $images[2] | Should -Be $diskHash
        Get-Leftovers | Should -BeNullOrEmpty
    }

    It 'refuses a download whose checksum is wrong: nothing registered, nothing left on disk' {
        $before = @(Get-EucaImage).Count
        { Find-EucaCatalogImage -Uri $cloud.FilesUrl -Name $wrongName | Install-EucaCatalogImage -Bucket 'tampered' @signing -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'CatalogChecksumMismatch*'
        @(Get-EucaImage).Count | Should -Be $before
        Get-EucaStoredKey $storage 'tampered' | Should -BeNullOrEmpty
        Get-Leftovers | Should -BeNullOrEmpty
    }

    It 'installs a euimage pack found in a file, verified against its pack-md.yml' {
        $image = Find-EucaCatalogImage -Path (Join-Path $files 'rocky.euimage') | Install-EucaCatalogImage -Bucket 'rocky' @signing -Confirm:$false
        $image.Name | Should -Be 'rocky-97-1.x86_64'
        $image.Tags['catalog:version'] | Should -Be '97'
        Get-InstalledHash $image | Should -Be $diskHash
        (Get-FileHash (Join-Path $files 'rocky.euimage')).Hash | Should -Not -BeNullOrEmpty -Because 'the pack itself is never deleted'
    }

    It 'does nothing with -WhatIf' {
        Install-EucaCatalogImage -Uri "$($cloud.FilesUrl)focal.raw.xz" -Name 'what-if' -Bucket 'what-if' @signing -WhatIf
        Get-EucaImage | Where-Object Name -eq 'what-if' | Should -BeNullOrEmpty
        Get-Leftovers | Should -BeNullOrEmpty
    }

    It 'refuses a URL that is not http or https with CatalogDownloadUriInvalid' {
        { Install-EucaCatalogImage -Uri 'ftp://127.0.0.1/x.raw' -Name 'ftp' -Bucket 'ftp' @signing -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'CatalogDownloadUriInvalid*'
    }
}
