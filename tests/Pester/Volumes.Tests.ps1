# Get-EucaVolume and Remove-EucaVolume against the local cloud: the volumes come from real disk imports (the imaging worker converts the
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
    $script:poll = @{ Connection = $connection; PollSeconds = 0.1; TimeoutSeconds = 60 }
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

    # Whether the cloud still has the volume; any error but VolumeNotFound fails the test.
    function script:Test-Volume([string] $VolumeId) {
        $volume = Get-EucaVolume -VolumeId $VolumeId -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue
        $unexpected = @($failures | Where-Object FullyQualifiedErrorId -notlike 'VolumeNotFound,*')
        if ($unexpected.Count -gt 0) { throw $unexpected[0] }
        $null -ne $volume
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

Describe 'Get-EucaVolume' -Tags 'CI' {
    BeforeAll {
        $script:imported = New-ImportedVolume
        # The seeded instances' disks: i-0e1b2c3d (running) has vol-1a2b3c4d at /dev/sda and vol-2b3c4d5e at /dev/sdc,
        # the stopped i-1f2e3d4c has vol-3c4d5e6f; vol-4d5e6f70 belongs to another account.
        $script:seeded = 'vol-1a2b3c4d', 'vol-2b3c4d5e', 'vol-3c4d5e6f'
    }

    It 'lists all your volumes: imported ones and the seeded instances disks' {
        $volumes = Get-EucaVolume -Connection $connection

        $volumes | ForEach-Object { $_.GetType().FullName | Should -Be 'Euca.Images.Engine.Volumes.VolumeInfo' }
        $volumes.VolumeId | Should -Contain $imported.VolumeId
        foreach ($id in $seeded) { $volumes.VolumeId | Should -Contain $id }
        $volumes.VolumeId | Should -Not -Contain 'vol-4d5e6f70'
        ($volumes.VolumeId -join ',') | Should -Be (($volumes.VolumeId | Sort-Object) -join ',')
    }

    It 'gets a volume by id with its size, state, zone and creation time' {
        $volume = Get-EucaVolume $imported.VolumeId.ToUpperInvariant() -Connection $connection

        $volume.VolumeId | Should -Be $imported.VolumeId
        $volume.SizeGiB | Should -Be $imported.Volumes[0].VolumeSize
        $volume.State | Should -Be 'available'
        $volume.AvailabilityZone | Should -Be 'one'
        $volume.SnapshotId | Should -BeNullOrEmpty
        $volume.Attachments | Should -BeNullOrEmpty
        $volume.CreateTime.Kind | Should -Be 'Utc'
        $volume.CreateTime | Should -BeGreaterThan ([datetime]::UtcNow.AddHours(-1))
    }

    It 'filters by state and zone: an imported volume is available, a seeded attached one is in-use' {
        $available = Get-EucaVolume -State available -Connection $connection
        $inUse = Get-EucaVolume -State In-Use -AvailabilityZone one -Connection $connection

        $available.VolumeId | Should -Contain $imported.VolumeId
        $available.VolumeId | Should -Not -Contain 'vol-1a2b3c4d'
        ($inUse.VolumeId -join ',') | Should -Be ($seeded -join ',')
        $inUse.State | Sort-Object -Unique | Should -Be 'in-use'
        Get-EucaVolume -AvailabilityZone nowhere -Connection $connection | Should -BeNullOrEmpty
        # A volume given by id that the filters exclude is not listed, and is no error.
        Get-EucaVolume $imported.VolumeId -State in-use -Connection $connection -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }

    It 'shows the instance and device a seeded volume is attached to' {
        $volume = Get-EucaVolume vol-2b3c4d5e -Connection $connection

        $volume.State | Should -Be 'in-use'
        $volume.Attachments.Count | Should -Be 1
        $volume.Attachments[0].InstanceId | Should -Be 'i-0e1b2c3d'
        $volume.Attachments[0].Device | Should -Be '/dev/sdc'
        $volume.Attachments[0].State | Should -Be 'attached'
        # The root disk was made from the snapshot of the instance's image.
        (Get-EucaVolume vol-1a2b3c4d -Connection $connection).SnapshotId | Should -Be 'snap-3e1d2c4b'
        ($volume | Format-Table | Out-String -Width 200) | Should -Match 'i-0e1b2c3d:/dev/sdc'
    }

    It 'reports an unknown id per item with VolumeNotFound and still lists the others' {
        $volumes = Get-EucaVolume 'vol-0badf00d', 'vol-1a2b3c4d', 'vol-4d5e6f70' -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $volumes.VolumeId | Should -Be 'vol-1a2b3c4d'
        $failures.Count | Should -Be 2
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'VolumeNotFound,*' }
        ($failures.TargetObject -join ',') | Should -Be 'vol-0badf00d,vol-4d5e6f70'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-EucaVolume vol-0badf00d -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeNotFound,*'
    }

    It 'rejects a malformed id with VolumeIdInvalid and the id as target, and a state that is not a volume state' {
        $volumes = Get-EucaVolume -VolumeIds 'import-vol-1a2b3c4d', 'vol-1a2b3c4d' -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

        $volumes.VolumeId | Should -Be 'vol-1a2b3c4d'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VolumeIdInvalid,*'
        $failures[0].TargetObject | Should -Be 'import-vol-1a2b3c4d'
        { Get-EucaVolume 'vol-xyz' -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeIdInvalid,*'
        { Get-EucaVolume -State attached -Connection $connection } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'binds volume ids by property name, from snapshots' {
        $snapshot = New-EucaSnapshot -VolumeId $imported.VolumeId -Connection $connection -Confirm:$false

        (Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId -Connection $connection | Get-EucaVolume -Connection $connection).VolumeId | Should -Be $imported.VolumeId
    }

    It 'pipes into Remove-EucaVolume: -WhatIf deletes nothing, -Force deletes and the volume is no longer listed' {
        $task = New-ImportedVolume
        $before = (Get-EucaVolume -Connection $connection).VolumeId

        Get-EucaVolume -Connection $connection | Remove-EucaVolume -WhatIf -Connection $connection

        (Get-EucaVolume -Connection $connection).VolumeId | Should -Be $before
        Get-EucaVolume $task.VolumeId -Connection $connection | Remove-EucaVolume -Force -Connection $connection
        (Get-EucaVolume -Connection $connection).VolumeId | Should -Not -Contain $task.VolumeId
        (Get-EucaVolume -Connection $connection).VolumeId | Should -Contain $imported.VolumeId
    }

    It 'pipes into New-EucaSnapshot' {
        $available = Get-EucaVolume -State available -Connection $connection

        $snapshots = Get-EucaVolume -State available -Connection $connection | New-EucaSnapshot -Description piped -Connection $connection -Confirm:$false

        $available.VolumeId | Should -Contain $imported.VolumeId
        (($snapshots.VolumeId | Sort-Object) -join ',') | Should -Be ($available.VolumeId -join ',')
        $snapshots.Description | Sort-Object -Unique | Should -Be 'piped'
    }
}

Describe 'Volume and snapshot id completion' -Tags 'CI' {
    BeforeAll {
        # Completion uses the session's connection, as it would at the prompt.
        Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey
        $script:completedVolume = (New-ImportedVolume).VolumeId
        $script:completedSnapshot = New-EucaSnapshot -VolumeId $completedVolume -Connection $connection -Confirm:$false |
            Wait-EucaSnapshot -PollSeconds 0.1 -TimeoutSeconds 60 -Connection $connection
        $script:attached = Get-EucaVolume -State in-use -Connection $connection | Select-Object -First 1
        function script:Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
    }

    AfterAll { Disconnect-EucaCloud }

    It 'completes volume ids with size, state and attachment as tooltips, for every cmdlet that takes one' {
        $matches = Complete 'Remove-EucaVolume -VolumeId vol-'
        ($matches | Where-Object CompletionText -eq $completedVolume).ToolTip | Should -Be "$completedVolume - 1 GiB, available"
        ($matches | Where-Object CompletionText -eq $attached.VolumeId).ToolTip | Should -BeLike "$($attached.VolumeId) - * GiB, in-use (attached to $($attached.Attachments[0].InstanceId))"
        (Complete 'New-EucaSnapshot -VolumeId ').CompletionText | Should -Contain $completedVolume
        (Complete "Get-EucaVolume '$($completedVolume.Substring(0, 6))").CompletionText | Should -Contain "'$completedVolume'"
    }

    It 'completes snapshot ids with their volume, size and state' {
        $matches = Complete 'Register-EucaImage -Name x -SnapshotId snap-'
        ($matches | Where-Object CompletionText -eq $completedSnapshot.SnapshotId).ToolTip |
            Should -Be "$($completedSnapshot.SnapshotId) - of $completedVolume, 1 GiB, completed"
        (Complete 'Wait-EucaSnapshot -SnapshotId ').CompletionText | Should -Contain $completedSnapshot.SnapshotId
        (Complete 'Get-EucaSnapshot -SnapshotId ').CompletionText | Should -Contain $completedSnapshot.SnapshotId
    }
}

Describe 'Remove-EucaVolume help example' -Tags 'CI' {
    It 'deletes the volumes of completed imports that still exist, skipping those already deleted' {
        $kept = New-ImportedVolume
        $gone = New-ImportedVolume
        Remove-EucaVolume $gone.VolumeId -Force -Connection $connection

        Get-EucaConversionTask -Connection $connection | Where-Object State -eq completed |
            Get-EucaVolume -Connection $connection -ErrorAction SilentlyContinue -ErrorVariable skipped |
            Remove-EucaVolume -Confirm:$false -Connection $connection -ErrorVariable failed

        Test-Volume $kept.VolumeId | Should -BeFalse
        $failed | Should -BeNullOrEmpty
        @($skipped | Where-Object { $_.TargetObject -eq $gone.VolumeId }).FullyQualifiedErrorId | Should -BeLike 'VolumeNotFound,*'
    }
}
