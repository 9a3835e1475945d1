<#
.SYNOPSIS
The main job against the embedded default cloud: starts the local compute endpoint and object storage on
127.0.0.1, drives the module the way a user would, and stops both servers.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module (Join-Path $PSScriptRoot '../servers/EucaTestServers.psm1')
Import-Module $ModuleManifest

function Show([string] $Title, [scriptblock] $Command) {
    # Echo the command, then its formatted output at a width that fits the tables (the console may be narrow).
    Write-Host "`n> $($Command.ToString().Trim())" -ForegroundColor Cyan
    if ($Title) { Write-Host "  # $Title" -ForegroundColor DarkGray }
    & $Command | Out-String -Width 200 | Write-Host
}

$servers = @()
$work = Join-Path ([IO.Path]::GetTempPath()) ("euca-demo-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
try {
    New-Item -ItemType Directory -Path $work | Out-Null
    $storage = Start-EucaObjectStorage
    # The local cloud reads registered manifests from the object store, as Eucalyptus does; it also serves a folder
    # over HTTP (the image catalog's mirror in this demo).
    # Imported disks are converted a part at a time; 50 ms a part keeps the demo short.
    $mirror = Join-Path $work 'mirror'
    New-Item -ItemType Directory -Path $mirror | Out-Null
    $cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 1 -FilesDirectory $mirror -AdditionalArguments '--conversion-interval-ms', '50'
    $servers = @($cloud, $storage)
    $defaults = Get-EucaLocalCloudDefaults
    $certs = $defaults.CertificateDirectory
    # A second cloud with its own object store and its own cloud certificate, to move an image to.
    $otherStorage = Start-EucaObjectStorage
    $otherCloud = Start-EucaLocalCloud -ObjectStorageUrl $otherStorage.Url -PendingSeconds 1 `
        -CloudCertificate "$certs/second-cloud-cert.pem" -CloudKey "$certs/second-cloud-key.pem"
    $servers += @($otherCloud, $otherStorage)
    Write-Host "Local cloud: compute $($cloud.Url), object storage $($storage.Url); a second cloud at $($otherCloud.Url)"

    # s3rver knows only the key pair S3RVER, which the local cloud's user account also holds: one key pair for both
    # services, as on a real Eucalyptus.
    Show 'the user''s keys and certificate, and the bootstrap service for the cloud certificate' {
        Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -BootstrapUrl $cloud.Url `
            -AccessKey $defaults.S3AccessKey -SecretKey $defaults.S3SecretKey -AccountId $defaults.UserAccountId `
            -Certificate "$certs/user-cert.pem" -PrivateKey "$certs/user-key.pem"
    }
    Show 'the secret key is never shown' { Get-EucaCloud }
    Show 'what euca-describe-images lists: yours, and those shared with you' { Get-EucaImage }
    Show 'public kernels and ramdisks' { Get-EucaImage -ExecutableBy all -Filter @{ 'image-type' = 'kernel', 'ramdisk' } }
    Show '' { Get-EucaImage -Owner self | Group-Object RootDeviceType | Select-Object Name, Count }

    # A 256 MiB disk image: random data, text and long runs of zeros, as real disks have.
    $image = Join-Path $work 'demo-disk.img'
    $stream = [IO.File]::Create($image)
    $random = [Random]::new(42); $chunk = [byte[]]::new(1MB)
    $text = [Text.Encoding]::ASCII.GetBytes(('euca demo line of compressible text ' * 30000).Substring(0, 1MB))
    for ($i = 0; $i -lt 256; $i++) {
        switch ($i % 4) { 0 { $random.NextBytes($chunk); $stream.Write($chunk, 0, $chunk.Length) } 1 { $stream.Write($text, 0, $text.Length) } default { $stream.Seek(1MB, 'Current') | Out-Null } }
    }
    $stream.SetLength(256MB); $stream.Dispose()

    Show 'tar, gzip on all cores, AES-128-CBC, 10 MiB parts, signed manifest; the cloud certificate comes from the bootstrap service' {
        $script:bundle = New-EucaBundle -Path $image -Architecture x86_64 -Destination "$work/bundle"
        $bundle
    }
    Show 'signature over the raw manifest text, every part digest, and a full decrypt-and-digest pass' {
        Test-EucaBundle $bundle.ManifestPath -PrivateKey "$certs/user-key.pem"
    }
    Show 'unbundled with the user''s key, checked against the manifest' {
        $expanded = $bundle | Expand-EucaBundle -PrivateKey "$certs/user-key.pem" -Destination "$work/check"
        [pscustomobject]@{ Path = $expanded.Path; SameBytes = (Get-FileHash $expanded.Path).Hash -eq (Get-FileHash $image).Hash }
    }
    Show '' { Get-EucaBundleManifest $bundle.ManifestPath | Format-List ImageName, ImageType, Architecture, AccountId, Size, BundledSize, ImageDigest }
    Show 'uploaded (parts 4 at a time, each checked against its MD5, the manifest last) and registered' {
        $script:registered = $bundle | Send-EucaBundle -Bucket demo-images -KeyPrefix 2026 | Register-EucaImage -Name demo-disk-hvm -Confirm:$false
        $registered
    }
    Show 'pending until the cloud has read the bundle' { Wait-EucaImage -ImageId $registered.ImageId -State available }
    Show 'the same in one streamed pass (no whole bundle on disk), shared with everyone' {
        Install-EucaImage -Path $image -Name demo-disk-public -Bucket demo-images -KeyPrefix public -Architecture x86_64 -Public -Confirm:$false
    }
    Show '' { Get-EucaImage -Owner self -Name 'demo-*' | Format-Table ImageId, Name, State, IsPublic, ImageLocation }
    Show '' { Get-EucaImage -Owner self -Name 'demo-disk-public' | Get-EucaImageAttribute -Attribute LaunchPermission }
    Show 'a raw disk to an EBS-backed HVM image in one command: import, convert, snapshot, register, clean up' {
        New-EucaEbsImage -Path $image -Name demo-disk-ebs -AvailabilityZone one -Bucket demo-imports -Confirm:$false |
            Format-Table ImageId, Name, RootDeviceType, RootDeviceName, VirtualizationType, State
    }
    Show 'an instance-store image back to a disk for Hyper-V: downloaded, decrypted and written as a dynamic VHDX (only 32 MiB blocks holding data are stored)' {
        $script:vhdx = Export-EucaImage -ImageId $registered.ImageId -Destination "$work/demo-disk.vhdx" -PrivateKey "$certs/user-key.pem" -Confirm:$false
        Get-EucaDiskImage $vhdx.Path
    }
    Show 'a VHDX is read natively and streamed into the bundle: no raw copy on disk' {
        Install-EucaImage -Path $vhdx.Path -Name demo-from-vhdx -Bucket demo-images -KeyPrefix vhdx -Architecture x86_64 -Confirm:$false |
            Format-Table ImageId, Name, State, ImageLocation
    }

    # A catalog in the 5.x eucalyptus-images format on the mirror, naming a gzip-compressed raw disk.
    $gzipped = [IO.File]::Create("$mirror/demo-linux.raw.gz")
    $gzip = [IO.Compression.GZipStream]::new($gzipped, [IO.Compression.CompressionLevel]::Fastest)
    $source = [IO.File]::OpenRead($image); $source.CopyTo($gzip); $source.Dispose(); $gzip.Dispose(); $gzipped.Dispose()
    @{ version = 'demo-2026-12'; images = @(@{ os = 'demo-linux'; architecture = 'x86_64'; 'image-format' = 'raw'; login = 'cloud-user'
        description = 'Demo Linux, a gzip-compressed raw disk'; url = 'demo-linux.raw.gz' }) } |
        ConvertTo-Json -Depth 4 | Set-Content "$mirror/image-catalog.json"
    Show 'the image catalog: every generation (eustore, catalog-web, eucalyptus-images, euimage packs) read into one kind of object' {
        Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)image-catalog.json"
    }
    Show 'downloaded (resumable, verified), decompressed, grown sparsely to 1 GiB, bundled, registered, shared and tagged' {
        Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)image-catalog.json" -OS demo-linux |
            Install-EucaCatalogImage -Bucket demo-catalog -MinimumSize 1GB -Public -Confirm:$false |
            Format-Table ImageId, Name, State, IsPublic, ImageLocation
    }

    Show 'moved to another cloud: parts copied bucket to bucket (never decrypted), the key re-wrapped for its certificate' {
        $other = Connect-EucaCloud -ComputeUrl $otherCloud.Url -ObjectStorageUrl $otherStorage.Url -BootstrapUrl $otherCloud.Url `
            -AccessKey $defaults.S3AccessKey -SecretKey $defaults.S3SecretKey -AccountId $defaults.UserAccountId -Certificate "$certs/user-cert.pem" -NoDefault
        $script:copy = Copy-EucaImage -SourceImageId $registered.ImageId -SourceConnection (Get-EucaCloud) -DestinationConnection $other `
            -Bucket moved-images -PrivateKey "$certs/user-key.pem" -Tag @{ origin = 'demo' } -Confirm:$false
        $copy | Format-Table ImageId, Name, State, ImageLocation
        $expanded = Expand-EucaBundle -Connection $other -ManifestLocation $copy.ImageLocation -PrivateKey "$certs/second-cloud-key.pem" `
            -Destination "$work/moved" -Confirm:$false
        [pscustomobject]@{ OpenedWith = 'the other cloud''s key'; SameBytes = (Get-FileHash $expanded.Path).Hash -eq (Get-FileHash $image).Hash }
    }

    Show 'deregistered, deleted, and their bundles removed from object storage' {
        Get-EucaImage -Owner self -Name 'demo-*' | Unregister-EucaImage -Purge -RemoveBundle -Confirm:$false
        Get-EucaImage -Owner self -Name 'demo-*'
        'images left: {0}' -f @(Get-EucaImage -Owner self -Name 'demo-*').Count
    }

    Disconnect-EucaCloud
}
finally {
    $servers | Stop-EucaTestServer
    if (Test-Path $work) { Remove-Item -Recurse -Force $work }
}
