# Remove-EucaVolume against the local cloud: the volumes come from real disk imports (the imaging worker converts the
# parts it reads from s3rver); the seeded instances' volumes are attached, so DeleteVolume refuses them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    # 100 ms per converted part: a 3-part disk is a volume in well under a second, a 196-part one stays active for ~20 s.
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -AdditionalArguments '--conversion-interval-ms', '100'
    # s3rver accepts only S3RVER; the local cloud's user account 123456789012 holds that key pair as well.
    $script:connection = Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -PassThru
    $script:fast = @{ Connection = $connection; PartSize = 4096; RetryDelay = [timespan]::FromMilliseconds(10) }
    $script:poll = @{ Connection = $connection; PollInterval = [timespan]::FromMilliseconds(100); Timeout = [timespan]::FromSeconds(60) }
    $script:imports = 0

    function script:New-Disk([int] $Size) {
        $script:imports++
        $path = Join-Path $TestDrive "disk$imports.raw"
        $bytes = [byte[]]::new($Size)
        [System.Random]::new($imports).NextBytes($bytes)
        [System.IO.File]::WriteAllBytes($path, $bytes)
        $path
    }

    # The completed conversion task of a small disk import: its VolumeId is a volume that exists.
    function script:New-ImportedVolume {
        Import-EucaVolume -Path (New-Disk 10000) -AvailabilityZone one -Bucket "volumes-$imports" @fast | Wait-EucaConversionTask @poll
    }

    # Whether the cloud still has the volume: CreateSnapshot looks it up (there is no Get-EucaVolume).
    function script:Test-Volume([string] $VolumeId) {
        try {
            $null = New-EucaSnapshot -VolumeId $VolumeId -Connection $connection -Confirm:$false -ErrorAction Stop
            $true
        }
        catch {
            if ($_.FullyQualifiedErrorId -notlike 'Cloud.InvalidVolume.NotFound*') { throw }
            $false
        }
    }
}

AfterAll {
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Remove-EucaVolume' -Tags 'CI' {
    It 'deletes the volume an import made, and writes nothing' {
        $task = New-ImportedVolume
        $task.VolumeId | Should -Match '^vol-[0-9a-f]{8}$'
        Test-Volume $task.VolumeId | Should -BeTrue

        $output = Remove-EucaVolume -VolumeId $task.VolumeId -Confirm:$false -Connection $connection

        $output | Should -BeNullOrEmpty
        Test-Volume $task.VolumeId | Should -BeFalse
        { Remove-EucaVolume $task.VolumeId -Force -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeNotFound,*'
    }

    It 'keeps the volume with -WhatIf, also with -Force' {
        $task = New-ImportedVolume

        Remove-EucaVolume $task.VolumeId -WhatIf -Connection $connection | Should -BeNullOrEmpty
        Remove-EucaVolume $task.VolumeId -WhatIf -Force -Connection $connection

        Test-Volume $task.VolumeId | Should -BeTrue
        Remove-EucaVolume $task.VolumeId -Force -Connection $connection
    }

    It 'deletes the volumes of conversion tasks piped from Get-EucaConversionTask, and reports a task without a volume' {
        $first = New-ImportedVolume
        $second = New-ImportedVolume
        # Still converting (196 parts at 100 ms each): the task has no volume yet.
        $active = Import-EucaVolume -Path (New-Disk 800000) -AvailabilityZone one -Bucket 'volumes-active' @fast
        try {
            $tasks = Get-EucaConversionTask -ConversionTaskId $first.ConversionTaskId, $active.ConversionTaskId, $second.ConversionTaskId -Connection $connection
            ($tasks | Where-Object ConversionTaskId -eq $active.ConversionTaskId).State | Should -Be 'active'

            $tasks | Remove-EucaVolume -Force -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'VolumeIdMissing,*'
            $failures[0].Exception.Message | Should -Match 'conversion task has a volume id only once its conversion has completed'
            Test-Volume $first.VolumeId | Should -BeFalse
            Test-Volume $second.VolumeId | Should -BeFalse
        }
        finally {
            Stop-EucaConversionTask $active.ConversionTaskId -RemoveDiskImage -Force -Connection $connection
        }
    }

    It 'deletes the source volume of a snapshot piped from Get-EucaSnapshot' {
        $task = New-ImportedVolume
        $snapshot = New-EucaSnapshot -VolumeId $task.VolumeId -Connection $connection -Confirm:$false

        Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId -Connection $connection | Remove-EucaVolume -Force -Connection $connection

        Test-Volume $task.VolumeId | Should -BeFalse
        (Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId -Connection $connection).VolumeId | Should -Be $task.VolumeId
    }

    It 'rejects a malformed id with VolumeIdInvalid and the id as target, before asking or calling' {
        { Remove-EucaVolume 'import-vol-1a2b3c4d' -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeIdInvalid,*'

        Remove-EucaVolume -VolumeIds 'vol-xyz', '' -Force -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VolumeIdInvalid,*'
        $failures[0].TargetObject | Should -Be 'vol-xyz'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'VolumeIdMissing,*'
    }

    It 'reports an unknown volume per item and still deletes the next one' {
        $task = New-ImportedVolume

        'vol-0badf00d', $task.VolumeId | Remove-EucaVolume -Force -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VolumeNotFound,*'
        $failures[0].TargetObject | Should -Be 'vol-0badf00d'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Test-Volume $task.VolumeId | Should -BeFalse
    }

    It 'refuses a volume attached to an instance with VolumeInUse, and keeps it' {
        # The seeded EBS instance i-0e1b2c3d (running) has vol-1a2b3c4d at /dev/sda; the stopped i-1f2e3d4c has vol-3c4d5e6f.
        Remove-EucaVolume 'VOL-1A2B3C4D', 'vol-3c4d5e6f' -Force -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'VolumeInUse,*' }
        ($failures.TargetObject -join ',') | Should -Be 'vol-1a2b3c4d,vol-3c4d5e6f'
        $failures[0].Exception.Message | Should -Match 'attached to: i-0e1b2c3d'
        $failures[1].Exception.Message | Should -Match 'attached to: i-1f2e3d4c'
        Test-Volume 'vol-1a2b3c4d' | Should -BeTrue
    }

    It 'asks for confirmation unless -Force is given' {
        $task = New-ImportedVolume
        $connect = "Connect-EucaCloud -ComputeUrl '$($cloud.Url)' -AccessKey '$($keys.UserAccessKey)' -SecretKey '$($keys.UserSecretKey)'"

        # A non-interactive shell cannot answer the High-impact prompt: without -Force the deletion fails and nothing is deleted.
        $asked = Invoke-ChildPwsh -Script "Import-Module '$(Get-TestModulePath)'; $connect; Remove-EucaVolume $($task.VolumeId)"
        $asked.ExitCode | Should -Not -Be 0
        $asked.Error | Should -Match 'NonInteractive'
        Test-Volume $task.VolumeId | Should -BeTrue

        $forced = Invoke-ChildPwsh -Script "`$ErrorActionPreference = 'Stop'; Import-Module '$(Get-TestModulePath)'; $connect; Remove-EucaVolume $($task.VolumeId) -Force"
        $forced.ExitCode | Should -Be 0 -Because $forced.Error
        Test-Volume $task.VolumeId | Should -BeFalse
    }
}
