# Export-EucaImage end to end against the local cloud and s3rver: an image installed with Install-EucaImage comes
# back as a RAW, VHDX or VMDK file equal to its source disk; EBS-backed images, existing files and -WhatIf write nothing.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.2
    $certs = $keys.CertificateDirectory
    $script:opening = @{ Certificate = Join-Path $certs 'user-cert.pem'; PrivateKey = Join-Path $certs 'user-key.pem' }
    $script:connection = Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey `
        -AccountId $keys.UserAccountId -PassThru

    # Whole sectors (VHDX and VMDK count in sectors): random data, 2 MiB of zeros (left out of every format), text.
    $script:disk = Join-Path $TestDrive 'source.img'
    New-TestImage -Path $disk -Seed 15 -RandomBytes 300032 -ZeroBytes 2097152 -TextBytes 100352
    $script:sourceHash = (Get-FileHash $disk).Hash
    $script:image = Install-EucaImage -Path $disk -Name 'export-source' -Bucket 'export' -Architecture x86_64 @opening `
        -CloudCertificate (Join-Path $certs 'cloud-cert.pem') -Confirm:$false
    Wait-EucaImage -ImageId $image.ImageId -State available -TimeoutSeconds 30 | Out-Null
    $script:out = New-Item -ItemType Directory (Join-Path $TestDrive 'out')
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Export-EucaImage' -Tags 'CI' {
    It 'exports the disk as <Format> (<Subformat>) equal to the source disk' -ForEach @(
        @{ Format = 'Raw'; Subformat = 'raw' }
        @{ Format = 'Vhdx'; Subformat = 'dynamic' }
        @{ Format = 'Vmdk'; Subformat = 'streamOptimized' }
    ) {
        $destination = Join-Path $out "disk.$Format.bin"
        $exported = Export-EucaImage -ImageId $image.ImageId -Destination $destination -Format $Format @opening
        $exported.PSObject.TypeNames[0] | Should -Be 'Euca.Images.Engine.Workflows.ExportedImage'
        $exported.Path | Should -Be $destination
        $exported.ImageId | Should -Be $image.ImageId
        "$($exported.Format)/$($exported.Subformat)" | Should -Be "$Format/$Subformat"
        $exported.VirtualSize | Should -Be (Get-Item $disk).Length
        $exported.FileSize | Should -Be (Get-Item $destination).Length
        $exported.DataBytes | Should -BeLessThan (Get-Item $disk).Length -Because 'the zeros are not stored'
        $found = Get-EucaDiskImage -LiteralPath $destination
        "$($found.Format)/$($found.Subformat)" | Should -Be "$Format/$Subformat"
        $raw = ConvertTo-EucaRawImage -LiteralPath $destination -Destination (Join-Path $TestDrive "back.$Format.raw")
        (Get-FileHash $raw.Path).Hash | Should -Be $sourceHash
        Get-ChildItem $out -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'takes the image from Get-EucaImage and the format from the extension' {
        $destination = Join-Path $out 'piped.vmdk'
        $exported = Get-EucaImage -ImageId $image.ImageId | Export-EucaImage -Destination $destination @opening
        $exported.Format | Should -Be 'Vmdk'
        & qemu-img compare -q -f raw -F vmdk $disk $destination
        $LASTEXITCODE | Should -Be 0 -Because 'qemu-img finds the VMDK equal to the source disk'
    }

    It 'shows progress with the bytes exported' {
        $capture = Invoke-CapturingProgress -Script 'param($Id, $Destination, $Connection, $Key, $Certificate) Export-EucaImage -ImageId $Id -Destination $Destination -Connection $Connection -PrivateKey $Key -Certificate $Certificate' `
            -Parameters @{ Id = $image.ImageId; Destination = (Join-Path $out 'progress.vhdx'); Connection = $connection; Key = $opening.PrivateKey; Certificate = $opening.Certificate }
        $capture.Errors | Should -BeNullOrEmpty
        $records = @($capture.Progress.Record | Where-Object Activity -Like "Exporting $($image.ImageId) to progress.vhdx (Vhdx)*")
        $records | Should -Not -BeNullOrEmpty
        $records.StatusDescription | Where-Object { $_ -match ' of ' } | Should -Not -BeNullOrEmpty
    }

    It 'refuses an EBS-backed image, saying what to do instead' {
        $destination = Join-Path $out 'ebs.raw'
        $failure = $null
        try { Export-EucaImage -ImageId emi-5a6b7c8d -Destination $destination @opening -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ExportImageEbsBacked*'
        $failure.Exception.Message | Should -Match 'no image export'
        $failure.Exception.Message | Should -Match 'instance-store image'
        Test-Path $destination | Should -BeFalse
    }

    It 'refuses an existing destination unless -Force is given' {
        $destination = Join-Path $out 'exists.vhdx'
        Set-Content $destination 'keep me'
        { Export-EucaImage -ImageId $image.ImageId -Destination $destination @opening -ErrorAction Stop } | Should -Throw -ErrorId 'ExportDestinationExists*'
        Get-Content $destination | Should -Be 'keep me'
        Export-EucaImage -ImageId $image.ImageId -Destination $destination @opening -Force | Out-Null
        (Get-EucaDiskImage -LiteralPath $destination).Format | Should -Be 'Vhdx'
    }

    It 'refuses a manifest whose signature does not verify and writes nothing' {
        $destination = Join-Path $out 'forged.raw'
        { Export-EucaImage -ImageId $image.ImageId -Destination $destination -PrivateKey $opening.PrivateKey -Certificate (Join-Path $keys.CertificateDirectory 'cloud-cert.pem') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ManifestSignatureInvalid*'
        Test-Path $destination | Should -BeFalse
    }

    It 'writes nothing with -WhatIf' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'whatif')
        Export-EucaImage -ImageId $image.ImageId -Destination (Join-Path $folder 'disk.vmdk') @opening -WhatIf
        Get-ChildItem $folder -Force | Should -BeNullOrEmpty
    }
}
