# New-EucaImage, New-EucaInstanceBundle, Get/Wait/Stop-EucaBundleTask and New/Get/Wait-EucaSnapshot against the
# local compute endpoint (seeded instances in default-cloud.json; simulated work takes a few seconds).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment
    $script:cloud = Start-EucaLocalCloud
    $script:keys = Get-EucaLocalCloudDefaults
    Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.UserAccessKey -SecretKey $keys.UserSecretKey -AccountId $keys.UserAccountId
    $script:ebsRunning = 'i-0e1b2c3d'
    $script:ebsStopped = 'i-1f2e3d4c'
    $script:storeLinux = 'i-2a3b4c5d'
    $script:storeWindows = 'i-3b4c5d6e'
    $script:terminated = 'i-4c5d6e7f'
    $script:fast = @{ PollSeconds = 0.2; TimeoutSeconds = 60 }
}

AfterAll {
    Disconnect-EucaCloud
    $cloud | Stop-EucaTestServer
}

Describe 'New-EucaImage' -Tags 'CI' {
    It 'creates a pending image from a running EBS instance that becomes available' {
        $image = New-EucaImage -InstanceId $ebsRunning -Name 'web-from-running' -Description 'from Pester' -NoReboot -Confirm:$false
        $image.ImageId | Should -Match '^emi-[0-9a-f]{8}$'
        $image.State | Should -Be 'pending'
        $image.RootDeviceType | Should -Be 'Ebs'
        $image.Name | Should -Be 'web-from-running'
        @($image.BlockDeviceMappings.SnapshotId | Where-Object { $_ }).Count | Should -Be 2

        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        do { Start-Sleep -Milliseconds 250; $now = Get-EucaImage -ImageId $image.ImageId } until ($now.State -eq 'available' -or [DateTime]::UtcNow -gt $deadline)
        $now.State | Should -Be 'available'
        $image.BlockDeviceMappings.SnapshotId | Where-Object { $_ } | Get-EucaSnapshot | ForEach-Object VolumeId | Sort-Object |
            Should -Be @('vol-1a2b3c4d', 'vol-2b3c4d5e')
    }

    It 'creates an image from a stopped EBS instance' {
        (New-EucaImage $ebsStopped -Name 'web-from-stopped' -Confirm:$false).State | Should -Be 'pending'
    }

    It 'refuses an instance-store instance with a clear error pointing to New-EucaInstanceBundle' {
        { New-EucaImage -InstanceId $storeLinux -Name 'store-image' -Confirm:$false } | Should -Throw -ErrorId 'InstanceNotEbsBacked*'
        try { New-EucaImage -InstanceId $storeLinux -Name 'store-image' -Confirm:$false } catch { $record = $_ }
        $record.Exception.Message | Should -Match 'New-EucaInstanceBundle'
        $record.TargetObject | Should -Be $storeLinux
    }

    It 'refuses a terminated instance, an unknown one and a bad name' {
        { New-EucaImage -InstanceId $terminated -Name 'gone-image' -Confirm:$false } | Should -Throw -ErrorId 'InstanceNotEbsBacked*'
        { New-EucaImage -InstanceId 'i-0badf00d' -Name 'nobody' -Confirm:$false } | Should -Throw -ErrorId 'Cloud.InvalidInstanceID.NotFound*'
        { New-EucaImage -InstanceId $ebsRunning -Name 'x' -Confirm:$false } | Should -Throw -ErrorId 'ImageNameInvalid*'
        { New-EucaImage -InstanceId $ebsRunning -Name 'web-from-running' -Confirm:$false } | Should -Throw -ErrorId 'Cloud.InvalidAMIName.Duplicate*'
    }

    It 'does nothing with -WhatIf' {
        New-EucaImage -InstanceId $ebsRunning -Name 'whatif-image' -WhatIf | Should -BeNullOrEmpty
        @(Get-EucaImage -Owner self -Filter @{ name = 'whatif-image' }).Count | Should -Be 0
    }
}

Describe 'New-EucaInstanceBundle and bundle tasks' -Tags 'CI' {
    It 'bundles an instance-store instance to complete, with a manifest location to register' {
        $task = New-EucaInstanceBundle -InstanceId $storeWindows -Bucket 'win-images' -Prefix 'win2012-web' -Confirm:$false
        $task.BundleId | Should -Be 'bun-3b4c5d6e'
        $task.State | Should -Be 'pending'
        $task.ManifestLocation | Should -Be 'win-images/win2012-web.manifest.xml'

        $done = $task | Wait-EucaBundleTask @fast
        $done.State | Should -Be 'complete'
        $done.Progress | Should -Be 100
        $done.ManifestLocation | Should -Be 'win-images/win2012-web.manifest.xml'
        (Get-EucaBundleTask -BundleId $task.BundleId).State | Should -Be 'complete'
        @(Get-EucaBundleTask).BundleId | Should -Contain $task.BundleId
    }

    It 'reports the state and percentage as progress while waiting' {
        $task = New-EucaInstanceBundle $storeLinux -Bucket 'linux-images' -Prefix 'progress-check' -Confirm:$false
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddArgument((Get-TestModulePath)).AddStatement()
            $null = $shell.AddCommand('Connect-EucaCloud').AddParameters(@{ ComputeUrl = $cloud.Url; AccessKey = $keys.UserAccessKey; SecretKey = $keys.UserSecretKey }).AddStatement()
            $null = $shell.AddCommand('Wait-EucaBundleTask').AddParameters(@{ BundleId = $task.BundleId; PollSeconds = 0.1 })
            $result = $shell.Invoke()
            $shell.Streams.Error | Should -BeNullOrEmpty
            $result.State | Should -Be 'complete'
            $running = @($shell.Streams.Progress | Where-Object RecordType -eq 'Processing')
            $running.Count | Should -BeGreaterThan 1
            $running.StatusDescription | Should -Contain 'complete 100%'
            $running[0].StatusDescription | Should -Match '^(pending|waiting-for-shutdown|bundling|storing) \d+%$'
            $running[-1].PercentComplete | Should -Be 100
            @($shell.Streams.Progress | Where-Object RecordType -eq 'Completed').Count | Should -BeGreaterThan 0
        }
        finally { $shell.Dispose() }
    }

    It 'cancels a running task, after which waiting fails with the task message' {
        $task = New-EucaInstanceBundle $storeLinux -Bucket 'linux-images' -Prefix 'to-cancel' -Confirm:$false
        $cancelled = $task | Stop-EucaBundleTask -Confirm:$false
        $cancelled.State | Should -Be 'cancelling'
        { $task | Wait-EucaBundleTask @fast -ErrorAction Stop } | Should -Throw -ErrorId 'BundleTaskFailed*'
        { Stop-EucaBundleTask $task.BundleId -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'Cloud.IncorrectState*'
    }

    It 'refuses an EBS-backed instance, a bad bucket and a bad id, without showing the secret key' {
        { New-EucaInstanceBundle $ebsRunning -Bucket 'b-images' -Prefix 'ebs' -Confirm:$false } | Should -Throw -ErrorId 'InstanceIsEbsBacked*'
        { New-EucaInstanceBundle $storeLinux -Bucket 'no spaces' -Prefix 'p1' -Confirm:$false } | Should -Throw -ErrorId 'BundleBucketInvalid*'
        { Get-EucaBundleTask -BundleId 'bun-nothex!' -ErrorAction Stop } | Should -Throw -ErrorId 'BundleIdInvalid*'
        { Get-EucaBundleTask -BundleId 'bun-0badf00d' -ErrorAction Stop } | Should -Throw -ErrorId 'BundleTaskNotFound*'
        $records = try { New-EucaInstanceBundle $storeLinux -Bucket 'b-images' -Prefix 'p/x' -Confirm:$false -Debug -Verbose 5>&1 4>&1 } catch { $_ }
        $records.FullyQualifiedErrorId | Should -BeLike 'BundlePrefixInvalid*'
        ($records | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($keys.UserSecretKey))
    }

    It 'times out with a stable error id while the task is still running' {
        $task = New-EucaInstanceBundle $storeLinux -Bucket 'linux-images' -Prefix 'slow-check' -Confirm:$false
        { $task | Wait-EucaBundleTask -TimeoutSeconds 1 -PollSeconds 0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'BundleTaskTimeout*'
        $task | Wait-EucaBundleTask @fast | ForEach-Object State | Should -Be 'complete'
    }
}

Describe 'Snapshots' -Tags 'CI' {
    It 'snapshots a volume and waits until it is completed' {
        $snapshot = New-EucaSnapshot -VolumeId 'vol-2b3c4d5e' -Description 'data disk' -Confirm:$false
        $snapshot.State | Should -Be 'pending'
        $snapshot.VolumeSizeGiB | Should -Be 5
        $done = $snapshot | Wait-EucaSnapshot @fast
        $done.State | Should -Be 'completed'
        $done.Progress | Should -Be 100
        @(Get-EucaSnapshot).SnapshotId | Should -Contain $snapshot.SnapshotId
        (Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId -Owner self).Description | Should -Be 'data disk'
    }

    It 'fails for an unknown volume, a malformed id and a wait that times out' {
        { New-EucaSnapshot -VolumeId 'vol-0badf00d' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'Cloud.InvalidVolume.NotFound*'
        { New-EucaSnapshot -VolumeId 'volume-1' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeIdInvalid*'
        { Get-EucaSnapshot -SnapshotId 'snap-0badf00d' -ErrorAction Stop } | Should -Throw -ErrorId 'SnapshotNotFound*'
        $snapshot = New-EucaSnapshot -VolumeId 'vol-1a2b3c4d' -Confirm:$false
        { $snapshot | Wait-EucaSnapshot -TimeoutSeconds 1 -PollSeconds 2 -ErrorAction Stop } | Should -Throw -ErrorId 'SnapshotTimeout*'
    }
}
