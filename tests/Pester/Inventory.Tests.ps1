# Get-EucaInstance and Remove-EucaSnapshot, what rotations and clean-ups need besides images, against the local cloud.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:cloud = Start-EucaLocalCloud -PendingSeconds 0.2
    Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.UserAccessKey -SecretKey $keys.UserSecretKey -AccountId $keys.UserAccountId
}

AfterAll {
    Disconnect-EucaCloud
    $cloud | Stop-EucaTestServer
}

Describe 'Get-EucaInstance' -Tags 'CI' {
    It 'lists the caller''s instances, narrowed by state' {
        $all = Get-EucaInstance
        $all.InstanceId | Should -Contain 'i-0e1b2c3d'
        $all.InstanceId | Should -Not -Contain 'i-5d6e7f80'
        (Get-EucaInstance -State stopped).InstanceId | Should -Be @('i-1f2e3d4c')
        ($all | Format-Table | Out-String) | Should -Match 'i-0e1b2c3d\s+emi-5a6b7c8d\s+running\s+Ebs'
    }

    It 'returns the good ids and one error per malformed or unknown id' {
        $found = Get-EucaInstance -InstanceId 'i-0e1b2c3d', 'i-nothex', 'i-0badf00d' -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.InstanceId | Should -Be @('i-0e1b2c3d')
        ($failures | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Sort-Object | Should -Be @('InstanceIdInvalid', 'InstanceNotFound')
    }

    It 'pipes into New-EucaImage' {
        $image = Get-EucaInstance -InstanceId i-1f2e3d4c | New-EucaImage -Name 'from-piped-instance' -Confirm:$false
        $image.ImageId | Should -Match '^emi-'
    }
}

Describe 'Remove-EucaSnapshot' -Tags 'CI' {
    It 'deletes a snapshot nothing uses' {
        $snapshot = New-EucaSnapshot -VolumeId vol-1a2b3c4d -Confirm:$false
        $snapshot | Remove-EucaSnapshot -Force
        { Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId -ErrorAction Stop } | Should -Throw -ErrorId 'SnapshotNotFound*'
    }

    It 'refuses a snapshot a registered image boots from, naming the image, and deletes it once the image is gone' {
        $snapshot = New-EucaSnapshot -VolumeId vol-1a2b3c4d -Confirm:$false | Wait-EucaSnapshot -TimeoutSeconds 60
        $image = Register-EucaImage -Name 'boots-from-snapshot' -SnapshotId $snapshot.SnapshotId -Confirm:$false
        Remove-EucaSnapshot -SnapshotId $snapshot.SnapshotId -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SnapshotInUse*'
        $failures[0].TargetObject | Should -Be $snapshot.SnapshotId
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($image.ImageId))
        (Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId).SnapshotId | Should -Be $snapshot.SnapshotId

        Unregister-EucaImage -ImageId $image.ImageId -Purge -TimeoutSeconds 30 -Confirm:$false
        Remove-EucaSnapshot -SnapshotId $snapshot.SnapshotId -Force
        { Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId -ErrorAction Stop } | Should -Throw -ErrorId 'SnapshotNotFound*'
    }

    It 'reports each malformed or unknown id and -WhatIf deletes nothing' {
        $snapshot = New-EucaSnapshot -VolumeId vol-1a2b3c4d -Confirm:$false
        Remove-EucaSnapshot -SnapshotId 'snap-nothex', 'snap-0badf00d' -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        ($failures | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Sort-Object | Should -Be @('SnapshotIdInvalid', 'SnapshotNotFound')
        Remove-EucaSnapshot -SnapshotId $snapshot.SnapshotId -WhatIf
        (Get-EucaSnapshot -SnapshotId $snapshot.SnapshotId).SnapshotId | Should -Be $snapshot.SnapshotId
    }
}
