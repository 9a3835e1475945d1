# Convert-EucaBundleManifest and Copy-EucaImage end to end through the module: two local clouds, each with its own
# s3rver, the destination playing another cloud (its own cloud certificate, its kernel and ramdisk under other ids),
# and a script holding one connection to each (Connect-EucaCloud -NoDefault).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:certs = $keys.CertificateDirectory
    $script:signing = Get-TestSigningArguments $keys
    $script:userKey = Join-Path $certs 'user-key.pem'
    $script:secondCert = Join-Path $certs 'second-cloud-cert.pem'
    $script:secondKey = Join-Path $certs 'second-cloud-key.pem'

    $script:sourceStorage = Start-EucaObjectStorage
    $script:destinationStorage = Start-EucaObjectStorage
    $script:sourceCloud = Start-EucaLocalCloud -ObjectStorageUrl $sourceStorage.Url -PendingSeconds 0
    # The destination's kernel and ramdisk have other ids (same names) than the source's, as on another cloud.
    $config = Join-Path $TestDrive 'destination-cloud.json'
    (Get-Content -Raw (Join-Path (Get-RepoRoot) 'tests/Euca.Images.LocalCloud/default-cloud.json')) `
        -replace 'eki-6e0f3b1d', 'eki-0d0e0f10' -replace 'eri-2c9a7d40', 'eri-0d0e0f11' `
        -replace '"certs/', ('"' + ($certs -replace '\\', '/') + '/') | Set-Content $config
    $script:destinationCloud = Start-EucaLocalCloud -ConfigPath $config -ObjectStorageUrl $destinationStorage.Url -PendingSeconds 0 `
        -CloudCertificate $secondCert -CloudKey $secondKey

    $common = @{ AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey; AccountId = $keys.UserAccountId }
    $script:source = Connect-EucaCloud -ComputeUrl "$($sourceCloud.Url)services/compute" -ObjectStorageUrl $sourceStorage.Url @common -NoDefault
    # No cloud certificate for the destination: Copy-EucaImage asks its bootstrap service.
    $script:destination = Connect-EucaCloud -ComputeUrl "$($destinationCloud.Url)services/compute" -ObjectStorageUrl $destinationStorage.Url `
        -BootstrapUrl "$($destinationCloud.Url)services/Empyrean" @common -NoDefault

    $script:disk = Join-Path $TestDrive 'rootfs.img'
    New-TestImage -Path $disk -Seed 15 -RandomBytes 300000 -ZeroBytes 200000 -TextBytes 100000
    $script:diskHash = (Get-FileHash -Algorithm SHA256 $disk).Hash
    $script:pv = Install-EucaImage -Connection $source -Path $disk -Name 'pv-source' -Bucket 'source-images' -Architecture x86_64 `
        -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 -Description 'paravirtual source' @signing -Confirm:$false
}

AfterAll {
    $sourceCloud, $destinationCloud, $sourceStorage, $destinationStorage | Stop-EucaTestServer
}

Describe 'Copy-EucaImage between two clouds' -Tags 'CI' {
    It 'copies a paravirtual image onto the kernel and ramdisk of the same names at the destination' {
        $manifestBefore = (Invoke-EucaObjectStorageRequest -Storage $sourceStorage -Path $pv.ImageLocation).Content

        $copy = Copy-EucaImage -SourceImageId $pv.ImageId -SourceConnection $source -DestinationConnection $destination -Bucket 'copies' `
            -PrivateKey $userKey -Tag @{ origin = 'source' } -Confirm:$false

        $copy.ImageId | Should -Match '^emi-'
        $copy.ImageLocation | Should -Be 'copies/rootfs.img.manifest.xml'
        $copy.KernelId | Should -Be 'eki-0d0e0f10'
        $copy.RamdiskId | Should -Be 'eri-0d0e0f11'
        $copy.VirtualizationType | Should -Be 'Paravirtual'
        $copy.Architecture | Should -Be 'x86_64'
        $copy.Name | Should -Be 'pv-source'
        $copy.Description | Should -Be 'paravirtual source'
        (Get-EucaTag -Connection $destination -ResourceId $copy.ImageId | Where-Object Key -eq origin).Value | Should -Be 'source'
        (Invoke-EucaObjectStorageRequest -Storage $sourceStorage -Path $pv.ImageLocation).Content | Should -Be $manifestBefore
        (Get-EucaImage -Connection $source -ImageId $pv.ImageId).State | Should -Be 'available'
    }

    It 'makes a bundle that expands to the same image with the destination cloud key and with the user key' {
        $copy = Get-EucaImage -Connection $destination -Name 'pv-source'
        foreach ($key in $secondKey, $userKey) {
            $out = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $expanded = Expand-EucaBundle -Connection $destination -ManifestLocation $copy.ImageLocation -PrivateKey $key `
                -Certificate (Join-Path $certs 'user-cert.pem') -Destination $out -Confirm:$false
            (Get-FileHash -Algorithm SHA256 $expanded.Path).Hash | Should -Be $diskHash
        }
    }

    It 'fails before copying anything when the destination has no kernel of that name' {
        $renamedConfig = Join-Path $TestDrive 'no-kernel-cloud.json'
        (Get-Content -Raw $config) -replace 'vmlinuz-3.10.0-1160.el7.x86_64', 'vmlinuz-other' | Set-Content $renamedConfig
        $other = Start-EucaLocalCloud -ConfigPath $renamedConfig -ObjectStorageUrl $destinationStorage.Url -PendingSeconds 0
        try {
            $elsewhere = Connect-EucaCloud -ComputeUrl "$($other.Url)services/compute" -ObjectStorageUrl $destinationStorage.Url `
                -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -CloudCertificate $secondCert -NoDefault
            { Copy-EucaImage -SourceImageId $pv.ImageId -SourceConnection $source -DestinationConnection $elsewhere -Bucket 'never-made' `
                -PrivateKey $userKey -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ImageCopyKernelNotFound,*'
            Get-EucaStoredKey -Storage $destinationStorage -Bucket 'never-made' | Should -BeNullOrEmpty
        }
        finally { $other | Stop-EucaTestServer }
    }

    It 'stops at a corrupt source part with nothing registered, and says how to resume' {
        $hvm = Install-EucaImage -Connection $source -Path $disk -Name 'hvm-source' -Bucket 'source-hvm' -Architecture x86_64 @signing -Confirm:$false
        $part = Join-Path $TestDrive 'zeros.part'
        [System.IO.File]::WriteAllBytes($part, [byte[]]::new(1000))
        Invoke-EucaObjectStorageRequest -Storage $sourceStorage -Method Put -Path 'source-hvm/rootfs.img.part.00' -InFile $part | Out-Null

        $failure = { Copy-EucaImage -SourceImageId $hvm.ImageId -SourceConnection $source -DestinationConnection $destination -Bucket 'hvm-copies' `
                -PrivateKey $userKey -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ImageCopyPartCorrupt,*' -PassThru
        $failure.Exception.Message | Should -Match '-Resume'
        Get-EucaStoredKey -Storage $destinationStorage -Bucket 'hvm-copies' | Where-Object { $_ -like '*.manifest.xml' } | Should -BeNullOrEmpty
        Get-EucaImage -Connection $destination -Name 'hvm-source' | Should -BeNullOrEmpty
    }

    It 'stops on Ctrl+C with nothing registered and prints a resume command that finishes, sending only the missing parts' {
        # Many small parts copied one at a time: the copy is still running when some parts are at the destination.
        $many = Join-Path $TestDrive 'many.img'
        New-TestImage -Path $many -Seed 16 -RandomBytes 12000000 -ZeroBytes 0 -TextBytes 1000
        $manyBundle = New-EucaBundle -Path $many -Architecture x86_64 -AccountId $keys.UserAccountId -Destination (Join-Path $TestDrive 'many') -PartSize 65536 @signing
        $stored = $manyBundle | Send-EucaBundle -Connection $source -Bucket 'source-many' -Certificate (Join-Path $certs 'user-cert.pem')
        $image = Register-EucaImage -Connection $source -ImageLocation $stored.ManifestLocation -Name 'many-parts' -Architecture x86_64
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($module, $imageId, $from, $to, $key)
            Import-Module $module
            Get-EucaImage -Connection $from -ImageId $imageId |
                Copy-EucaImage -SourceConnection $from -DestinationConnection $to -Bucket 'stopped-copy' -PrivateKey $key -ThrottleLimit 1 -Confirm:$false
        }).AddArgument((Get-TestModulePath)).AddArgument($image.ImageId).AddArgument($source).AddArgument($destination).AddArgument($userKey)
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (@(Get-EucaStoredKey -Storage $destinationStorage -Bucket 'stopped-copy').Count -lt 5 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $ps.Stop()
        $async.IsCompleted | Should -BeTrue
        $warning = ($ps.Streams.Warning | Where-Object Message -Match 'To finish the copy' | Select-Object -First 1).Message
        $ps.Dispose()

        $warning | Should -Match 'No image is registered and no manifest is stored at the destination'
        Get-EucaStoredKey -Storage $destinationStorage -Bucket 'stopped-copy' | Where-Object { $_ -like '*.manifest.xml' } | Should -BeNullOrEmpty
        Get-EucaImage -Connection $destination -Name 'many-parts' | Should -BeNullOrEmpty
        # The piped copy's command names the image and every value given; the connections are the ones to substitute.
        $command = [regex]::Match($warning, 'To finish the copy: (Copy-EucaImage .*? -Resume)\.').Groups[1].Value
        $command | Should -Match "-SourceImageId '$($image.ImageId)'"
        $command | Should -Match "-SourceConnection <SourceConnection> -DestinationConnection <DestinationConnection> -Bucket 'stopped-copy' .*-ThrottleLimit 1 "
        # s3rver keeps each object's body in a file of its own (KEY._S3rver_object).
        $storedBefore = @(Get-ChildItem -Recurse -File (Join-Path $destinationStorage.DataDirectory 'stopped-copy') -Filter '*._S3rver_object' |
            Select-Object FullName, LastWriteTimeUtc)
        $storedBefore.Count | Should -BeGreaterThan 2

        $copy = Invoke-Expression ($command -replace '<SourceConnection>', '$source' -replace '<DestinationConnection>', '$destination')

        $copy.ImageLocation | Should -Be 'stopped-copy/many.img.manifest.xml'
        # Parts already there are not sent again; only the part on the wire when the copy stopped may be (s3rver may
        # have finished writing it after the snapshot above, or kept a cut-off body the resume then replaces).
        $sentAgain = @($storedBefore | Where-Object { (Get-Item $_.FullName).LastWriteTimeUtc -ne $_.LastWriteTimeUtc })
        $sentAgain.Count | Should -BeLessOrEqual 1 -Because "of $($storedBefore.Count) parts stored before the stop, these were sent again: $($sentAgain.FullName -join ', ')"
        $partCount = @(Get-EucaStoredKey -Storage $destinationStorage -Bucket 'stopped-copy' | Where-Object { $_ -like '*.part.*' }).Count
        $partCount | Should -Be $manyBundle.Parts.Count
    }

    It 'refuses an EBS-backed image with the route to take' {
        $ebs = Get-EucaImage -Connection $source -RootDeviceType ebs | Select-Object -First 1
        { Copy-EucaImage -SourceImageId $ebs.ImageId -SourceConnection $source -DestinationConnection $destination -Bucket 'ebs-copies' `
            -PrivateKey $userKey -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ImageCopyEbsSourceUnsupported,*'
    }

    It 'copies nothing with -WhatIf' {
        Copy-EucaImage -SourceImageId $pv.ImageId -SourceConnection $source -DestinationConnection $destination -Bucket 'whatif-copies' -WhatIf
        Get-EucaStoredKey -Storage $destinationStorage -Bucket 'whatif-copies' | Should -BeNullOrEmpty
    }
}

Describe 'Convert-EucaBundleManifest' -Tags 'CI' {
    BeforeAll {
        $script:bundle = New-EucaBundle -Path $disk -Architecture x86_64 -AccountId $keys.UserAccountId -Destination (Join-Path $TestDrive 'local-bundle') @signing
        $script:original = Get-FileHash $bundle.ManifestPath
    }

    It 'writes a converted manifest beside the original, which it keeps, and the bundle expands with the other cloud key' {
        $result = Convert-EucaBundleManifest -ManifestPath $bundle.ManifestPath -PrivateKey $userKey -CloudCertificate $secondCert -KernelId eki-0d0e0f10 -Confirm:$false

        $result.Destination | Should -Be (Join-Path $bundle.Directory 'rootfs.img.converted.manifest.xml')
        $result.KernelId | Should -Be 'eki-0d0e0f10'
        (Get-FileHash $bundle.ManifestPath).Hash | Should -Be $original.Hash
        $expanded = Expand-EucaBundle -ManifestPath $result.Destination -PrivateKey $secondKey -Certificate (Join-Path $certs 'user-cert.pem') `
            -Destination (Join-Path $TestDrive 'converted-out') -Confirm:$false
        (Get-FileHash -Algorithm SHA256 $expanded.Path).Hash | Should -Be $diskHash
    }

    It 'refuses to replace an existing converted manifest without -Force and writes nothing with -WhatIf' {
        { Convert-EucaBundleManifest -ManifestPath $bundle.ManifestPath -PrivateKey $userKey -CloudCertificate $secondCert -ErrorAction Stop } |
            Should -Throw -ErrorId 'ManifestConversionDestinationExists,*'
        Convert-EucaBundleManifest -ManifestPath $bundle.ManifestPath -PrivateKey $userKey -CloudCertificate $secondCert -Destination (Join-Path $TestDrive 'whatif.manifest.xml') -WhatIf
        Join-Path $TestDrive 'whatif.manifest.xml' | Should -Not -Exist
    }

    It 'converts a stored manifest in place for the connection''s cloud, asked of its bootstrap service' {
        $stored = $bundle | Send-EucaBundle -Connection $destination -Bucket 'stored-convert' -Certificate (Join-Path $certs 'user-cert.pem')
        $result = Convert-EucaBundleManifest -Connection $destination -ManifestLocation $stored.ManifestLocation -PrivateKey $userKey -Force -Confirm:$false

        $result.Destination | Should -Be $stored.ManifestLocation
        $result.CloudCertificateSubject | Should -Be 'CN=localcloud second cloud image bundling'
        $image = Register-EucaImage -Connection $destination -ImageLocation $stored.ManifestLocation -Name 'converted-in-place'
        $image.ImageId | Should -Match '^emi-'
        $expanded = Expand-EucaBundle -Connection $destination -ManifestLocation $stored.ManifestLocation -PrivateKey $secondKey -Certificate (Join-Path $certs 'user-cert.pem') `
            -Destination (Join-Path $TestDrive 'stored-out') -Confirm:$false
        (Get-FileHash -Algorithm SHA256 $expanded.Path).Hash | Should -Be $diskHash
    }
}
