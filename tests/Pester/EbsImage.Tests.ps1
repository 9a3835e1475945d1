# New-EucaEbsImage: a raw disk to a registered EBS-backed HVM image against the local cloud, which really converts the
# uploaded parts into a volume.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.2 -AdditionalArguments '--conversion-interval-ms', '50'
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId
    $script:disk = Join-Path $TestDrive 'root.raw'
    New-TestImage -Path $disk -Seed 21 -RandomBytes 150000 -ZeroBytes 100000 -TextBytes 50000
    $script:fast = @{ PartSize = 65536; PollSeconds = 0.1; TimeoutSeconds = 60; Confirm = $false }
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'New-EucaEbsImage' -Tags 'CI' {
    It 'imports, converts, snapshots and registers an EBS-backed HVM image, then deletes the volume and the parts' {
        $image = New-EucaEbsImage -Path $disk -Name 'ebs-root' -AvailabilityZone one -Bucket 'ebs-imports' @fast
        $image.RootDeviceType | Should -Be 'Ebs'
        $image.VirtualizationType | Should -Be 'Hvm'
        $image.RootDeviceName | Should -Be '/dev/sda'
        $root = $image.BlockDeviceMappings | Where-Object DeviceName -eq '/dev/sda'
        $root.SnapshotId | Should -Match '^snap-'
        $snapshot = Get-EucaSnapshot -SnapshotId $root.SnapshotId
        $snapshot.State | Should -Be 'completed'
        # The intermediate volume is gone, and so is the uploaded disk image.
        { New-EucaSnapshot -VolumeId $snapshot.VolumeId -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId '*InvalidVolume.NotFound*'
        Get-EucaStoredKey $storage 'ebs-imports' | Should -BeNullOrEmpty
    }

    It 'keeps the volume and the parts when asked, shares the image with -Public, and tags image and snapshot with -Tag' {
        $image = New-EucaEbsImage -Path $disk -Name 'ebs-kept' -AvailabilityZone one -Bucket 'ebs-kept' -KeepVolume -KeepDiskImage -Public -Tag @{ build = 'ebs-7' } @fast
        $image.IsPublic | Should -BeTrue
        (Get-EucaImage -ImageId $image.ImageId).Tags['build'] | Should -Be 'ebs-7'
        $snapshot = Get-EucaSnapshot -SnapshotId ($image.BlockDeviceMappings | Where-Object DeviceName -eq '/dev/sda').SnapshotId
        $snapshot.Tags['build'] | Should -Be 'ebs-7'
        (New-EucaSnapshot -VolumeId $snapshot.VolumeId -Confirm:$false).VolumeId | Should -Be $snapshot.VolumeId
        @(Get-EucaStoredKey $storage 'ebs-kept' | Where-Object { $_ -like '*manifest.xml' }).Count | Should -Be 1
    }

    It 'takes a QCOW2 as it comes from KVM and imports its raw disk' {
        $qcow2 = ConvertTo-QemuTestImage $disk qcow2 (Join-Path $TestDrive 'root.qcow2') -Options '-c'
        $image = New-EucaEbsImage -Path $qcow2 -Name 'ebs-qcow2' -AvailabilityZone one -Bucket 'ebs-qcow2' -KeepDiskImage @fast
        $image.RootDeviceType | Should -Be 'Ebs'
        $manifestKey = Get-EucaStoredKey $storage 'ebs-qcow2' | Where-Object { $_ -like '*manifest.xml' }
        $manifest = [xml](Invoke-EucaObjectStorageRequest -Storage $storage -Path "ebs-qcow2/$manifestKey").Content
        $manifest.manifest.'file-format' | Should -Be 'RAW'
        $manifest.manifest.import.size | Should -Be ([string](Get-EucaDiskImage $qcow2).VirtualSize)
    }

    It 'says which stage failed and what it left behind' {
        $failure = $null
        try { New-EucaEbsImage -Path $disk -Name 'ebs-nowhere' -AvailabilityZone 'no-such-zone' -Bucket 'ebs-nowhere' @fast } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -Match "Making EBS image 'ebs-nowhere' failed while uploading the disk"
        $failure.Exception.Message | Should -Match 'Nothing was left behind|Left behind'
    }

    It 'warns, when stopped during the conversion, which task is converting and how to follow or cancel it' {
        # A cloud whose conversion never advances keeps New-EucaEbsImage waiting in its conversion stage.
        $stalled = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -AdditionalArguments '--conversion-interval-ms', '600000'
        try {
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                param($module, $computeUrl, $storageUrl, $keys, $disk)
                Import-Module $module
                $c = Connect-EucaCloud -ComputeUrl $computeUrl -ObjectStorageUrl $storageUrl -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId -PassThru
                New-EucaEbsImage -Path $disk -Name 'ebs-stopped' -AvailabilityZone one -Bucket 'ebs-stopped' -PartSize 65536 -PollSeconds 0.1 -Confirm:$false -Connection $c
            }).AddArgument((Get-TestModulePath)).AddArgument($stalled.Url).AddArgument($storage.Url).AddArgument($keys).AddArgument($disk)
            $handle = $shell.BeginInvoke()
            # The upload is complete once the last of the disk's five 64 KiB parts is stored.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (@(Get-EucaStoredKey $storage 'ebs-stopped' | Where-Object { $_ -like '*.part.4' }).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 500
            $shell.Stop()
            try { $null = $shell.EndInvoke($handle) } catch { }
            $warning = ($shell.Streams.Warning | Select-Object -First 1).Message
            $shell.Dispose()

            $warning | Should -Match "^Making EBS image 'ebs-stopped' was stopped\. Left behind: conversion task (import-vol-\w+) is converting the uploaded disk"
            $id = [regex]::Match($warning, 'import-vol-\w+').Value
            $warning | Should -Match "Wait-EucaConversionTask -ConversionTaskId $id"
            $warning | Should -Match "Stop-EucaConversionTask -ConversionTaskId $id -RemoveDiskImage"
            Stop-EucaConversionTask -ConversionTaskId $id -RemoveDiskImage -Confirm:$false -Connection (Connect-EucaCloud -ComputeUrl $stalled.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -PassThru) | Out-Null
            @(Get-EucaStoredKey $storage 'ebs-stopped' | Where-Object { $_ -like '*.part.*' }).Count | Should -Be 0
        }
        finally {
            $stalled | Stop-EucaTestServer
        }
    }

    It 'checks the registration before uploading anything' {
        { New-EucaEbsImage -Path $disk -Name 'bad name?*' -AvailabilityZone one -Bucket 'ebs-never' @fast } | Should -Throw -ErrorId 'ImageNameInvalid*'
        Get-EucaStoredKey $storage 'ebs-never' | Should -BeNullOrEmpty
    }

    It 'does nothing with -WhatIf' {
        New-EucaEbsImage -Path $disk -Name 'ebs-whatif' -AvailabilityZone one -Bucket 'ebs-whatif' @fast -WhatIf 6>$null | Should -BeNullOrEmpty
        Get-EucaStoredKey $storage 'ebs-whatif' | Should -BeNullOrEmpty
    }
}
