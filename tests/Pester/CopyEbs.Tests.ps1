# Copy-EucaImage's EBS routes end to end between a local cloud of the AWS flavour and a Eucalyptus one, each with its
# own s3rver: an instance-store Eucalyptus image becomes an EBS-backed AWS image (-Ebs), which comes back as an
# EBS-backed Eucalyptus image (-ExportBucket). Both clouds keep their disks in state folders, so the snapshots' bytes
# are compared with the source disk.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:awsStorage = Start-EucaObjectStorage
    $script:eucaStorage = Start-EucaObjectStorage
    $script:awsState = Join-Path $TestDrive 'aws-state'
    $script:eucaState = Join-Path $TestDrive 'euca-state'
    $script:aws = Start-EucaLocalCloud -ObjectStorageUrl $awsStorage.Url -PendingSeconds 0 `
        -AdditionalArguments '--flavor', 'aws', '--conversion-interval-ms', '50', '--state-directory', $awsState
    $script:euca = Start-EucaLocalCloud -ObjectStorageUrl $eucaStorage.Url -PendingSeconds 0 `
        -AdditionalArguments '--conversion-interval-ms', '50', '--state-directory', $eucaState
    $user = @{ AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey; AccountId = $keys.UserAccountId }
    $script:awsConnection = Connect-EucaCloud -ComputeUrl $aws.Url -ObjectStorageUrl $awsStorage.Url @user -NoDefault
    Connect-EucaCloud -ComputeUrl $euca.Url -ObjectStorageUrl $eucaStorage.Url @user
    $script:eucaConnection = Connect-EucaCloud -ComputeUrl $euca.Url -ObjectStorageUrl $eucaStorage.Url @user -NoDefault
    Invoke-EucaObjectStorageRequest -Storage $awsStorage -Path 'vmie' -Method Put | Out-Null

    $certs = $keys.CertificateDirectory
    $script:userKey = Join-Path $certs 'user-key.pem'
    $script:disk = Join-Path $TestDrive 'disk.img'
    New-TestImage -Path $disk -Seed 31 -RandomBytes 200000 -ZeroBytes 100000 -TextBytes 50000
    $script:source = Install-EucaImage -Path $disk -Name 'ebs-route-source' -Bucket 'install' -Architecture x86_64 `
        -Certificate (Join-Path $certs 'user-cert.pem') -PrivateKey $userKey -CloudCertificate (Join-Path $certs 'cloud-cert.pem') -Confirm:$false
    $script:fast = @{ PollSeconds = 0.1; TimeoutSeconds = 60; Confirm = $false }

    $script:diskHash = (Get-FileHash $disk).Hash
    # The SHA-256 of the bytes the local cloud keeps for the image's root snapshot.
    function Get-SnapshotHash([string] $StateFolder, [object] $Image) {
        $root = $Image.BlockDeviceMappings | Where-Object DeviceName -eq $Image.RootDeviceName
        (Get-FileHash (Join-Path $StateFolder "disks/$($root.SnapshotId).img")).Hash
    }
}

AfterAll {
    Disconnect-EucaCloud
    $aws, $euca, $awsStorage, $eucaStorage | Stop-EucaTestServer
}

Describe 'Copy-EucaImage EBS routes' -Tags 'CI' {
    It 'makes an EBS-backed AWS image from an instance-store Eucalyptus image with -Ebs, then removes the upload' {
        $script:toAws = Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -DestinationConnection $awsConnection `
            -Ebs -Bucket 'to-aws' -PrivateKey $userKey -Name 'on-aws' @fast
        $toAws.ImageId | Should -Match '^ami-[0-9a-f]{17}$'
        $toAws.RootDeviceType | Should -Be 'Ebs'
        $toAws.VirtualizationType | Should -Be 'Hvm'
        Get-SnapshotHash $awsState $toAws | Should -Be $diskHash
        Get-EucaStoredKey $awsStorage 'to-aws' | Should -BeNullOrEmpty
    }

    It 'copies that EBS-backed AWS image to an EBS-backed Eucalyptus image with -ExportBucket, then removes the export' {
        $back = Copy-EucaImage -SourceImageId $toAws.ImageId -SourceConnection $awsConnection -DestinationConnection $eucaConnection `
            -ExportBucket 'vmie' -Bucket 'from-aws' -AvailabilityZone one -Name 'back-from-aws' @fast
        $back.ImageId | Should -Match '^emi-'
        $back.RootDeviceType | Should -Be 'Ebs'
        Get-SnapshotHash $eucaState $back | Should -Be $diskHash
        Get-EucaStoredKey $awsStorage 'vmie' | Should -BeNullOrEmpty
        Get-EucaStoredKey $eucaStorage 'from-aws' | Should -BeNullOrEmpty
    }

    It 'keeps the exported disk with -KeepExport' {
        $kept = Copy-EucaImage -SourceImageId $toAws.ImageId -SourceConnection $awsConnection -ExportBucket 'vmie' -Bucket 'from-aws' `
            -AvailabilityZone one -Name 'kept-export' -KeepExport @fast
        $kept.RootDeviceType | Should -Be 'Ebs'
        @(Get-EucaStoredKey $awsStorage 'vmie') | Should -Match '^exports/export-ami-[0-9a-f]{17}\.raw$'
    }

    It 'refuses an EBS-backed Eucalyptus source: without -ExportBucket as before, with it because Eucalyptus cannot export' {
        # emi-5a6b7c8d: the local cloud's seeded EBS-backed image of the user's account.
        $ebsHere = Get-EucaImage -ImageId emi-5a6b7c8d
        { Copy-EucaImage -SourceImageId $ebsHere.ImageId -SourceConnection $eucaConnection -Bucket 'x' -PrivateKey $userKey `
            -CloudCertificate (Join-Path $keys.CertificateDirectory 'cloud-cert.pem') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageCopyEbsSourceUnsupported*'
        { Copy-EucaImage -SourceImageId $ebsHere.ImageId -SourceConnection $eucaConnection -ExportBucket 'vmie' -Bucket 'x' -AvailabilityZone one @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'MigrationExportUnsupported*'
    }

    It 'refuses -Ebs to a Eucalyptus destination before uploading anything' {
        { Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -Ebs -Bucket 'not-aws' -PrivateKey $userKey @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'MigrationImportUnsupported*'
        Get-EucaStoredKey $eucaStorage 'not-aws' | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $before = @(Get-EucaImage -Connection $awsConnection).Count
        Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -DestinationConnection $awsConnection -Ebs -Bucket 'what-if' -WhatIf
        @(Get-EucaImage -Connection $awsConnection).Count | Should -Be $before
        Get-EucaStoredKey $awsStorage 'what-if' | Should -BeNullOrEmpty
    }
}
