# Disk import (Import-EucaVolume, Import-EucaInstance, Resume-EucaImport, Get/Wait/Stop-EucaConversionTask) against the
# local cloud, whose imaging worker reads the upload from s3rver through the manifest's SigV2 pre-signed URLs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -AdditionalArguments '--conversion-interval-ms', '50'
    $keys = Get-EucaLocalCloudDefaults
    # s3rver accepts only S3RVER; the local cloud's user account 123456789012 holds that key pair as well.
    $script:connection = Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -PassThru
    $script:fast = @{ Connection = $connection; PartSize = 4096; RetryDelay = [timespan]::FromMilliseconds(10) }
    $script:poll = @{ Connection = $connection; PollSeconds = 0.1; TimeoutSeconds = 60 }

    function script:New-Disk([string] $Name, [int] $Size, [int] $Seed = 1) {
        $path = Join-Path $TestDrive $Name
        $bytes = [byte[]]::new($Size)
        [System.Random]::new($Seed).NextBytes($bytes)
        [System.IO.File]::WriteAllBytes($path, $bytes)
        $path
    }

    # s3rver keeps each object as <data>/<bucket>/<key>._S3rver_object (+ metadata files).
    function script:Get-StoredObject([string] $Bucket, [string] $Filter = '*') {
        $root = Join-Path $storage.DataDirectory $Bucket
        if (-not (Test-Path $root)) { return @() }
        @(Get-ChildItem -Recurse -File $root -Filter "$Filter._S3rver_object")
    }

    function script:Remove-StoredObject([string] $Bucket, [string] $Filter) {
        Get-ChildItem -Recurse -File (Join-Path $storage.DataDirectory $Bucket) -Filter "$Filter._S3rver_*" | Remove-Item
    }

    # Runs an import in its own runspace and stops it (as Ctrl+C does) once some parts are stored.
    function script:Stop-ImportMidway([string] $Path, [string] $Bucket, [int] $AfterParts = 3) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($module, $path, $bucket, $connection)
            Import-Module $module
            Import-EucaVolume -Path $path -AvailabilityZone one -Bucket $bucket -Connection $connection -PartSize 4096 -ThrottleLimit 1
        }).AddArgument((Get-TestModulePath)).AddArgument($Path).AddArgument($Bucket).AddArgument($connection)
        $handle = $shell.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ((Get-StoredObject $Bucket '*.part.*').Count -lt $AfterParts -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $shell.Stop()
        try { $null = $shell.EndInvoke($handle) } catch { }
        $script:StopWarning = ($shell.Streams.Warning | Select-Object -First 1).Message
        $shell.Dispose()
        # The task the stopped import created is the newest active one.
        Get-EucaConversionTask -Connection $connection | Where-Object { $_.Volumes[0].ImportManifestUrl -like "*/$Bucket/*" } | Select-Object -Last 1
    }
}

AfterAll {
    $cloud | Stop-EucaTestServer
    $storage | Stop-EucaTestServer
}

Describe 'Import-EucaVolume' -Tags 'CI' {
    It 'uploads the parts and the manifest, and the task becomes a volume of the right size' {
        $disk = New-Disk 'disk.raw' 10000
        $task = Import-EucaVolume -Path $disk -AvailabilityZone one -Bucket 'vol-ok' @fast

        $task.GetType().FullName | Should -Be 'Euca.Images.Engine.Import.ConversionTaskInfo'
        $task.ConversionTaskId | Should -Match '^import-vol-[0-9a-f]{8}$'
        $task.TaskType | Should -Be 'ImportVolume'
        $task.ExpirationTime | Should -BeGreaterThan ([DateTime]::UtcNow.AddDays(6.9))
        (Get-StoredObject 'vol-ok' 'disk.raw.part.*').Count | Should -Be 3

        $done = $task | Wait-EucaConversionTask @poll
        $done.State | Should -Be 'completed'
        $done.BytesConverted | Should -Be 10000
        $done.VolumeId | Should -Match '^vol-[0-9a-f]{8}$'
        $done.Volumes[0].VolumeSize | Should -Be 1
        $done.Volumes[0].AvailabilityZone | Should -Be 'one'
        ($done | Format-Table | Out-String) | Should -Match 'import-vol-'
    }

    It 'writes an import manifest of version 2010-11-15 with 30-day SigV2 URLs' {
        $disk = New-Disk 'shape.raw' 9000
        $task = Import-EucaVolume -Path $disk -AvailabilityZone one -Bucket 'vol-shape' -KeyPrefix 'team/a' -Description 'shape' @fast

        $url = $task.Volumes[0].ImportManifestUrl
        $url | Should -Match '/vol-shape/team/a/[0-9a-f-]{36}/shape\.raw\.manifest\.xml\?AWSAccessKeyId=S3RVER&Expires=\d+&Signature='
        $text = (Invoke-WebRequest -Uri $url -UseBasicParsing).Content
        if ($text -is [byte[]]) { $text = [System.Text.Encoding]::UTF8.GetString($text) }
        $text | Should -Match "^<\?xml version='1.0' encoding='UTF-8' standalone='yes'\?>"
        $manifest = [xml]$text
        $manifest.manifest.version | Should -Be '2010-11-15'
        $manifest.manifest.'file-format' | Should -Be 'RAW'
        $manifest.manifest.import.size | Should -Be '9000'
        $manifest.manifest.import.'volume-size' | Should -Be '1'
        $manifest.manifest.import.parts.count | Should -Be '3'
        $parts = @($manifest.manifest.import.parts.part)
        $parts[2].'byte-range'.start | Should -Be '8192'
        $parts[2].'byte-range'.end | Should -Be '8999'
        $parts[1].key | Should -Match '^team/a/[0-9a-f-]{36}/shape\.raw\.part\.1$'
        $expires = [long]([regex]::Match($parts[0].'get-url', 'Expires=(\d+)').Groups[1].Value)
        $expires | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddDays(29.9).ToUnixTimeSeconds())
        $manifest.manifest.'self-destruct-url' | Should -Match 'shape\.raw\.manifest\.xml\?AWSAccessKeyId='
        # Each part's GET URL really serves that part.
        (Invoke-WebRequest -Uri $parts[2].'get-url' -UseBasicParsing).RawContentLength | Should -Be 808
        $task | Wait-EucaConversionTask @poll | ForEach-Object State | Should -Be 'completed'
    }

    It 'fails at the bucket check and says nothing was left behind' {
        $disk = New-Disk 'bucket.raw' 2000
        { Import-EucaVolume -Path $disk -AvailabilityZone one -Bucket 'Bad_Bucket!' @fast } | Should -Throw -ErrorId 'ImportBucketFailed*'
        try { Import-EucaVolume -Path $disk -AvailabilityZone one -Bucket 'Bad_Bucket!' @fast } catch { $message = $_.Exception.Message }
        $message | Should -Match 'bucket check'
        $message | Should -Match 'no conversion task exists'
    }

    It 'fails at the ImportVolume call without uploading anything' {
        $disk = New-Disk 'zone.raw' 2000
        { Import-EucaVolume -Path $disk -AvailabilityZone nowhere -Bucket 'vol-zone' @fast } | Should -Throw -ErrorId 'ImportRequestFailed*'
        try { Import-EucaVolume -Path $disk -AvailabilityZone nowhere -Bucket 'vol-zone' @fast } catch { $message = $_.Exception.Message }
        $message | Should -Match 'ImportVolume call'
        $message | Should -Match 'InvalidZone.NotFound'
        (Get-StoredObject 'vol-zone').Count | Should -Be 0
    }

    It 'rejects a volume too small for the image and a missing file' {
        $disk = New-Disk 'vmdk-not.raw' 2000
        { Import-EucaVolume -Path (Join-Path $TestDrive 'nope.raw') -AvailabilityZone one -Bucket b @fast } | Should -Throw -ErrorId 'ImportFileNotFound*'
        { Import-EucaVolume -Path $disk -Format Vmdk -AvailabilityZone one -Bucket b @fast } | Should -Throw -ErrorId 'ImportVmdkInvalid*'
    }

    It 'sends a VHDX as its raw disk, converted on the fly, and a stream-optimized VMDK as it is' {
        $raw = New-Disk 'formats.raw' 20480
        $vhdx = ConvertTo-QemuTestImage $raw vhdx (Join-Path $TestDrive 'formats.vhdx')
        $vmdk = ConvertTo-QemuTestImage $raw vmdk (Join-Path $TestDrive 'formats.vmdk') -Options '-o', 'subformat=streamOptimized'

        $fromVhdx = Import-EucaVolume -Path $vhdx -AvailabilityZone one -Bucket 'vol-vhdx' @fast
        $manifest = [xml](Invoke-WebRequest -Uri $fromVhdx.Volumes[0].ImportManifestUrl -UseBasicParsing).Content
        $manifest.manifest.'file-format' | Should -Be 'RAW'
        $manifest.manifest.import.size | Should -Be '20480'
        $parts = Get-StoredObject 'vol-vhdx' 'formats.vhdx.part.*' | Sort-Object { [int]($_.Name -replace '^formats\.vhdx\.part\.(\d+)\..*$', '$1') }
        $sent = [byte[]]($parts | ForEach-Object { [IO.File]::ReadAllBytes($_.FullName) } | ForEach-Object { $_ })
        [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($sent)) | Should -Be (Get-FileHash $raw).Hash

        $fromVmdk = Import-EucaVolume -Path $vmdk -AvailabilityZone one -Bucket 'vol-vmdk' @fast
        $manifest = [xml](Invoke-WebRequest -Uri $fromVmdk.Volumes[0].ImportManifestUrl -UseBasicParsing).Content
        $manifest.manifest.'file-format' | Should -Be 'VMDK'
        $manifest.manifest.import.size | Should -Be '20480' -Because 'a VMDK is described by its virtual size, as euca2ools does'
        ([long]@($manifest.manifest.import.parts.part)[-1].'byte-range'.end + 1) | Should -Be (Get-Item $vmdk).Length
        $fromVmdk | Wait-EucaConversionTask @poll | ForEach-Object State | Should -Be 'completed'
    }

    It 'does nothing with -WhatIf' {
        $disk = New-Disk 'whatif.raw' 2000
        Import-EucaVolume -Path $disk -AvailabilityZone one -Bucket 'vol-whatif' -WhatIf @fast | Should -BeNullOrEmpty
        (Get-StoredObject 'vol-whatif').Count | Should -Be 0
    }

    It 'names the stage, what is left and the resume command when object storage goes away mid-upload' {
        $deadStorage = Start-EucaObjectStorage
        $deadCloud = Start-EucaLocalCloud -ObjectStorageUrl $deadStorage.Url
        try {
            $deadConnection = Connect-EucaCloud -ComputeUrl $deadCloud.Url -ObjectStorageUrl $deadStorage.Url -AccessKey S3RVER -SecretKey S3RVER -PassThru
            $disk = New-Disk 'dead.raw' 400000
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                param($module, $path, $connection)
                Import-Module $module
                try { Import-EucaVolume -Path $path -AvailabilityZone one -Bucket dead -Connection $connection -PartSize 4096 -ThrottleLimit 1 -RetryDelay 00:00:00.01 }
                catch { $_ }
            }).AddArgument((Get-TestModulePath)).AddArgument($disk).AddArgument($deadConnection)
            $handle = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not (Test-Path (Join-Path $deadStorage.DataDirectory 'dead')) -or @(Get-ChildItem -Recurse -File (Join-Path $deadStorage.DataDirectory 'dead') -Filter '*.part.*._S3rver_object').Count -lt 2) {
                if ([DateTime]::UtcNow -gt $deadline) { throw 'the upload did not start' }
                Start-Sleep -Milliseconds 20
            }
            $deadStorage.Process.Kill($true)
            $result = @($shell.EndInvoke($handle))
            $shell.Dispose()

            $record = $result | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1
            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'ImportUploadFailed*'
            $record.Exception.Message | Should -Match 'while uploading the disk parts'
            $record.Exception.Message | Should -Match "Resume-EucaImport -ConversionTaskId import-vol-[0-9a-f]{8} -Path '.*dead\.raw'"
            $record.Exception.Message | Should -Match 'Stop-EucaConversionTask -ConversionTaskId import-vol-[0-9a-f]{8} -RemoveDiskImage'
            $record.Exception.Message | Should -Match 'objects under dead/'
        }
        finally {
            $deadCloud | Stop-EucaTestServer
            $deadStorage | Stop-EucaTestServer
        }
    }
}

Describe 'Resume-EucaImport' -Tags 'CI' {
    It 'completes an import that was stopped midway and lost its manifest' {
        $disk = New-Disk 'resume.raw' 800000 -Seed 7
        $task = Stop-ImportMidway -Path $disk -Bucket 'resume'
        $task.State | Should -Be 'active'
        $stored = (Get-StoredObject 'resume' 'resume.raw.part.*').Count
        $stored | Should -BeLessThan 196
        Remove-StoredObject 'resume' 'resume.raw.manifest.xml'

        $resumed = Resume-EucaImport -ConversionTaskId $task.ConversionTaskId -Path $disk -PartSize 4096 -Connection $connection
        $resumed.ConversionTaskId | Should -Be $task.ConversionTaskId
        (Get-StoredObject 'resume' 'resume.raw.part.*').Count | Should -Be 196
        (Get-StoredObject 'resume' 'resume.raw.manifest.xml').Count | Should -Be 1

        $done = $resumed | Wait-EucaConversionTask @poll
        $done.State | Should -Be 'completed'
        $done.BytesConverted | Should -Be 800000
    }

    It 'warns, when stopped, what it left and how to resume or clean up, and the resume command works' {
        $disk = New-Disk 'warned.raw' 200000 -Seed 8
        $task = Stop-ImportMidway -Path $disk -Bucket 'warned'
        $id = $task.ConversionTaskId
        $StopWarning | Should -Match "^The import was stopped\. Left behind: conversion task $id and the objects under warned/"
        $StopWarning | Should -Match ([regex]::Escape("Resume-EucaImport -ConversionTaskId $id -Path '$disk'"))
        $StopWarning | Should -Match "Stop-EucaConversionTask -ConversionTaskId $id -RemoveDiskImage"

        $resumed = Resume-EucaImport -ConversionTaskId $id -Path $disk -Connection $connection
        (Get-StoredObject 'warned' 'warned.raw.part.*').Count | Should -Be 49
        ($resumed | Wait-EucaConversionTask @poll).State | Should -Be 'completed'
    }

    It 'sends only the parts deleted from the bucket' {
        $disk = New-Disk 'holes.raw' 800000 -Seed 8
        $task = Stop-ImportMidway -Path $disk -Bucket 'holes' -AfterParts 6
        Remove-StoredObject 'holes' 'holes.raw.part.1'
        $before = Get-StoredObject 'holes' 'holes.raw.part.4' | ForEach-Object LastWriteTimeUtc

        $task | Resume-EucaImport -Path $disk -Connection $connection | Wait-EucaConversionTask @poll | ForEach-Object State | Should -Be 'completed'
        (Get-StoredObject 'holes' 'holes.raw.part.4').LastWriteTimeUtc | Should -Be $before
    }

    It 'refuses a file whose size differs from the manifest' {
        $disk = New-Disk 'size.raw' 800000 -Seed 9
        $task = Stop-ImportMidway -Path $disk -Bucket 'size'
        $other = New-Disk 'other.raw' 799999
        { Resume-EucaImport -ConversionTaskId $task.ConversionTaskId -Path $other -Connection $connection } | Should -Throw -ErrorId 'ImportFileSizeMismatch*'
        Stop-EucaConversionTask $task.ConversionTaskId -RemoveDiskImage -Force -Connection $connection
    }

    It 'refuses a task that is no longer active' {
        $disk = New-Disk 'ended.raw' 800000 -Seed 10
        $task = Stop-ImportMidway -Path $disk -Bucket 'ended'
        Stop-EucaConversionTask $task.ConversionTaskId -Force -Connection $connection
        { Resume-EucaImport -ConversionTaskId $task.ConversionTaskId -Path $disk -Connection $connection } | Should -Throw -ErrorId 'ImportTaskNotActive*'
    }
}

Describe 'Import-EucaInstance' -Tags 'CI' {
    It 'imports a disk as an instance' {
        $disk = New-Disk 'vm.raw' 6000
        $task = Import-EucaInstance -Path $disk -Bucket 'inst' -InstanceType m1.small -Architecture x86_64 -Platform Linux -KeyName admin `
            -SecurityGroup default -Monitoring -InstanceInitiatedShutdownBehavior stop -UserData 'hello' -AvailabilityZone one @fast

        $task.ConversionTaskId | Should -Match '^import-i-[0-9a-f]{8}$'
        $task.TaskType | Should -Be 'ImportInstance'
        $done = $task | Wait-EucaConversionTask @poll
        $done.InstanceId | Should -Match '^i-[0-9a-f]{8}$'
        $done.VolumeId | Should -Match '^vol-'
        $done.Platform | Should -Be 'Linux'
    }
}

Describe 'Get, Wait and Stop-EucaConversionTask' -Tags 'CI' {
    It 'lists tasks and rejects malformed or unknown ids' {
        @(Get-EucaConversionTask -Connection $connection).Count | Should -BeGreaterThan 0
        { Get-EucaConversionTask -ConversionTaskId 'vol-123' -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'ConversionTaskIdInvalid*'
        { Get-EucaConversionTask -ConversionTaskId 'import-vol-00000000' -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'ConversionTaskNotFound*'
    }

    It 'returns the good task of <Command> and one error per bad id, with the id as TargetObject' -ForEach @(
        @{ Command = 'Get-EucaConversionTask'; Parameters = @{} }
        @{ Command = 'Wait-EucaConversionTask'; Parameters = @{ PollSeconds = 0.1; TimeoutSeconds = 60 } }
        @{ Command = 'Stop-EucaConversionTask'; Parameters = @{ Force = $true; PassThru = $true } }
    ) {
        $good = (Get-EucaConversionTask -Connection $connection | Where-Object State -eq 'completed' | Select-Object -First 1).ConversionTaskId
        $good | Should -Not -BeNullOrEmpty

        $output = $good, 'import-vol-00000000', 'vol-123' | & $Command @Parameters -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue
        $succeeded = $?

        @($output.ConversionTaskId) | Should -Be @($good)
        $failures.Count | Should -Be 2
        ($failures | Where-Object TargetObject -eq 'import-vol-00000000').FullyQualifiedErrorId | Should -BeLike 'ConversionTaskNotFound,*'
        ($failures | Where-Object TargetObject -eq 'vol-123').FullyQualifiedErrorId | Should -BeLike 'ConversionTaskIdInvalid,*'
        $succeeded | Should -BeFalse
    }

    It 'times out waiting for a task whose upload is incomplete' {
        $disk = New-Disk 'slow.raw' 800000 -Seed 11
        $task = Stop-ImportMidway -Path $disk -Bucket 'slow'
        $task | Wait-EucaConversionTask -Connection $connection -PollSeconds 0.1 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConversionTaskWaitTimeout*'
        $failures[0].Exception.Message | Should -Match 'parts are missing or short'
    }

    It 'cancels a task, deletes its disk image, and Wait reports the cancelled task as an error' {
        $disk = New-Disk 'cancel.raw' 800000 -Seed 12
        $task = Stop-ImportMidway -Path $disk -Bucket 'cancel'
        (Get-StoredObject 'cancel').Count | Should -BeGreaterThan 0

        Stop-EucaConversionTask -ConversionTaskId $task.ConversionTaskId -RemoveDiskImage -WhatIf -Connection $connection
        (Get-EucaConversionTask $task.ConversionTaskId -Connection $connection).State | Should -Be 'active'

        $stopped = $task | Stop-EucaConversionTask -RemoveDiskImage -Force -PassThru -Connection $connection
        $stopped.State | Should -Be 'cancelled'
        (Get-StoredObject 'cancel').Count | Should -Be 0

        { $task | Wait-EucaConversionTask @poll -ErrorAction Stop } | Should -Throw -ErrorId 'ConversionTaskFailed*'
    }

    It 'removes the disk image of an ended task without cancelling it again' {
        $disk = New-Disk 'again.raw' 800000 -Seed 13
        $task = Stop-ImportMidway -Path $disk -Bucket 'again'
        Stop-EucaConversionTask $task.ConversionTaskId -Force -Connection $connection
        (Get-StoredObject 'again').Count | Should -BeGreaterThan 0
        Stop-EucaConversionTask $task.ConversionTaskId -RemoveDiskImage -Force -Connection $connection
        (Get-StoredObject 'again').Count | Should -Be 0
    }
}
