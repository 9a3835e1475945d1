# Tags: -Tag on the cmdlets that make images and snapshots, -Tag on Get-EucaImage, Get-EucaSnapshot and
# Get-EucaVolume, and New-EucaTag, Get-EucaTag and Remove-EucaTag on any taggable resource, against the local cloud.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.2
    $script:signing = Get-TestSigningArguments $keys
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId
    $script:disk = Join-Path $TestDrive 'tagged.img'
    New-TestImage -Path $disk -Seed 31 -RandomBytes 100000 -ZeroBytes 100000 -TextBytes 10000
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Tags on what the cmdlets make' -Tags 'CI' {
    It 'Install-EucaImage -Tag tags the image, which shows and finds it by tag' {
        $image = Install-EucaImage -Path $disk -Name 'tag-install' -Bucket 'tags' -Architecture x86_64 @signing -Tag @{ role = 'nightly'; build = '7' } -Confirm:$false
        $image.Tags['build'] | Should -Be '7'
        $found = Get-EucaImage -Tag @{ role = 'nightly' }
        $found.ImageId | Should -Be @($image.ImageId)
        $found.Tags['build'] | Should -Be '7'
        ($found | Format-List | Out-String -Width 120) | Should -Match 'Tags\s+: build=7, role=nightly'
        Get-EucaImage -Tag @{ role = 'nightly'; build = '8' } | Should -BeNullOrEmpty
    }

    It 'Register-EucaImage, New-EucaImage and New-EucaSnapshot take -Tag' {
        $registered = Register-EucaImage -Name 'tag-register' -SnapshotId snap-3e1d2c4b -Tag @{ origin = 'register' } -Confirm:$false
        $fromInstance = New-EucaImage -InstanceId i-0e1b2c3d -Name 'tag-from-instance' -Tag @{ origin = 'instance' } -Confirm:$false
        $snapshot = New-EucaSnapshot -VolumeId vol-1a2b3c4d -Tag @{ origin = 'snapshot' } -Confirm:$false

        (Get-EucaImage -Tag @{ origin = 'register' }).ImageId | Should -Be $registered.ImageId
        (Get-EucaImage -Tag @{ origin = 'instance' }).ImageId | Should -Be $fromInstance.ImageId
        $snapshot.Tags['origin'] | Should -Be 'snapshot'
        (Get-EucaSnapshot -Tag @{ origin = 'snap*' }).SnapshotId | Should -Be $snapshot.SnapshotId
    }

    It 'refuses a reserved key before making anything' {
        $before = @(Get-EucaSnapshot).Count
        { New-EucaSnapshot -VolumeId vol-1a2b3c4d -Tag @{ 'aws:owner' = 'me' } -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'TagInvalid*'
        @(Get-EucaSnapshot).Count | Should -Be $before
    }
}

Describe 'New-EucaTag, Get-EucaTag and Remove-EucaTag' -Tags 'CI' {
    It 'tags a volume, lists and finds it by tag, and removes one tag' {
        $tags = New-EucaTag -ResourceId vol-2b3c4d5e -Tag @{ keep = 'yes'; owner = 'ops' } -PassThru -Confirm:$false
        ($tags | Sort-Object Key).Key | Should -Be @('keep', 'owner')
        $tags[0].ResourceType | Should -Be 'volume'
        (Get-EucaVolume -Tag @{ keep = 'yes' }).VolumeId | Should -Be 'vol-2b3c4d5e'
        (Get-EucaTag -ResourceId vol-2b3c4d5e -Key owner).Value | Should -Be 'ops'

        Remove-EucaTag -ResourceId vol-2b3c4d5e -Key owner -Force
        (Get-EucaTag -ResourceId vol-2b3c4d5e).Key | Should -Be @('keep')
        Remove-EucaTag -ResourceId vol-2b3c4d5e -Tag @{ keep = 'no' } -Force
        (Get-EucaTag -ResourceId vol-2b3c4d5e).Key | Should -Be @('keep')
    }

    It 'takes ids from the pipeline and reports each malformed id as its own error' {
        $images = Get-EucaImage -Owner self -Name 'tag-*'
        $images | New-EucaTag -Tag @{ batch = 'b1' } -Confirm:$false
        (Get-EucaTag -Key batch).ResourceId | Sort-Object | Should -Be ($images.ImageId | Sort-Object)

        New-EucaTag -ResourceId 'bun-12345678', $images[0].ImageId -Tag @{ second = 'x' } -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TaggableResourceIdInvalid*'
        (Get-EucaTag -ResourceId $images[0].ImageId -Key second).Value | Should -Be 'x'
    }

    It 'never removes every tag by accident, and -WhatIf changes nothing' {
        { Remove-EucaTag -ResourceId vol-2b3c4d5e -Force } | Should -Throw -ErrorId 'TagInvalid*'
        Remove-EucaTag -ResourceId vol-2b3c4d5e -Key keep -WhatIf
        (Get-EucaTag -ResourceId vol-2b3c4d5e).Key | Should -Be @('keep')
    }
}
