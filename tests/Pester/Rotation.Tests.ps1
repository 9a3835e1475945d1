# Safe rotation against the local cloud and s3rver: an upload never replaces a bundle that a registered image uses,
# and removing an image's bundle keeps it while another registered image still uses it. The data-loss sequence of
# issue 12 (install twice without -KeyPrefix, then unregister the older image with -RemoveBundle) keeps both images
# bootable.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.2
    $script:signing = Get-TestSigningArguments $keys
    $script:userKey = $signing.PrivateKey
    $script:connect = @{ ComputeUrl = $cloud.Url; ObjectStorageUrl = $storage.Url; AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey; AccountId = $keys.UserAccountId }
    Connect-EucaCloud @connect

    # Two builds of the same file name, as a nightly job makes them.
    $script:monday = Join-Path $TestDrive 'monday/disk.img'; $null = New-Item -ItemType Directory (Split-Path $monday)
    $script:tuesday = Join-Path $TestDrive 'tuesday/disk.img'; $null = New-Item -ItemType Directory (Split-Path $tuesday)
    New-TestImage -Path $monday -Seed 21 -RandomBytes 200000 -ZeroBytes 100000 -TextBytes 50000
    New-TestImage -Path $tuesday -Seed 22 -RandomBytes 200000 -ZeroBytes 100000 -TextBytes 50000
    $script:mondayHash = (Get-FileHash -Algorithm SHA256 $monday).Hash
    $script:tuesdayHash = (Get-FileHash -Algorithm SHA256 $tuesday).Hash
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Uploading over a registered image''s bundle' -Tags 'CI' {
    It 'Install-EucaImage stops before uploading, names the image, and leaves its bundle intact' {
        $older = Install-EucaImage -Path $monday -Name 'rot-monday' -Bucket 'rotation' -Architecture x86_64 @signing -Confirm:$false
        $failure = $null
        try { Install-EucaImage -Path $tuesday -Name 'rot-tuesday' -Bucket 'rotation' -Architecture x86_64 @signing -Confirm:$false } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'BundleManifestInUse*'
        $failure.Exception.Message | Should -Match ([regex]::Escape($older.ImageId))
        $failure.TargetObject | Should -Be 'rotation/disk.img.manifest.xml'
        Get-EucaImage -Owner self -Name 'rot-tuesday' | Should -BeNullOrEmpty
        Get-StoredBundleImageHash -ManifestLocation $older.ImageLocation -PrivateKey $userKey -WorkFolder $TestDrive | Should -Be $mondayHash
    }

    It 'Send-EucaBundle and New-EucaBundle -Bucket refuse it too' {
        $bundle = New-EucaBundle -Path $tuesday -Architecture x86_64 @signing -Destination (Join-Path $TestDrive 'send')
        { $bundle | Send-EucaBundle -Bucket 'rotation' -ErrorAction Stop } | Should -Throw -ErrorId 'BundleManifestInUse*'
        { New-EucaBundle -Path $tuesday -Architecture x86_64 @signing -Bucket 'rotation' -ErrorAction Stop } | Should -Throw -ErrorId 'BundleManifestInUse*'
        $older = Get-EucaImage -Owner self -Name 'rot-monday'
        Get-StoredBundleImageHash -ManifestLocation $older.ImageLocation -PrivateKey $userKey -WorkFolder $TestDrive | Should -Be $mondayHash
    }

    It 'installs beside it under another -KeyPrefix' {
        $newer = Install-EucaImage -Path $tuesday -Name 'rot-tuesday' -Bucket 'rotation' -KeyPrefix 'tuesday' -Architecture x86_64 @signing -Confirm:$false
        $newer.ImageLocation | Should -Be 'rotation/tuesday/disk.img.manifest.xml'
    }
}

Describe 'The data-loss sequence of issue 12' -Tags 'CI' {
    It 'keeps the newer image and its bundle when the older image is unregistered with -RemoveBundle' {
        # As reported: the newer image overwrote the older one's bundle (now only with -Force), and removing the older
        # image's bundle then deleted the bundle the newer image points to.
        $older = Install-EucaImage -Path $monday -Name 'loss-older' -Bucket 'loss' -Architecture x86_64 @signing -Confirm:$false
        $newer = Install-EucaImage -Path $tuesday -Name 'loss-newer' -Bucket 'loss' -Architecture x86_64 @signing -Force -Confirm:$false
        $newer.ImageLocation | Should -Be $older.ImageLocation

        $warnings = Unregister-EucaImage -ImageId $older.ImageId -Purge -RemoveBundle -TimeoutSeconds 30 -Force 3>&1
        ($warnings | Out-String) | Should -Match "Kept the bundle loss/disk.img.manifest.xml: $($newer.ImageId) \(loss-newer\) still uses it"

        Get-EucaImage -ImageId $older.ImageId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Wait-EucaImage -ImageId $newer.ImageId -State available -TimeoutSeconds 30).State | Should -Be 'available'
        Get-StoredBundleImageHash -ManifestLocation $newer.ImageLocation -PrivateKey $userKey -WorkFolder $TestDrive | Should -Be $tuesdayHash
    }

    It 'removes the bundle with the last image that uses it' {
        $newer = Get-EucaImage -Owner self -Name 'loss-newer'
        Unregister-EucaImage -ImageId $newer.ImageId -Purge -RemoveBundle -TimeoutSeconds 30 -Force
        Get-EucaStoredKey $storage 'loss' | Should -BeNullOrEmpty
    }
}

Describe 'Unregister-EucaImage -Purge -RemoveBundle is High impact' -Tags 'CI' {
    It 'asks first, so a non-interactive run without -Force deletes nothing' {
        $image = Install-EucaImage -Path $monday -Name 'rot-ask' -Bucket 'rotation-ask' -Architecture x86_64 @signing -Confirm:$false
        $script = "Import-Module '$(Get-TestModulePath)'; Connect-EucaCloud -ComputeUrl '$($cloud.Url)' -ObjectStorageUrl '$($storage.Url)' " +
            "-AccessKey S3RVER -SecretKey S3RVER; Unregister-EucaImage -ImageId $($image.ImageId) -Purge -RemoveBundle"
        $run = Invoke-ChildPwsh -Script $script
        $run.Error | Should -Match 'NonInteractive'
        (Get-EucaImage -ImageId $image.ImageId).State | Should -Be 'available'
        Get-EucaStoredKey $storage 'rotation-ask' | Should -Contain 'disk.img.manifest.xml'
    }

    It 'does not ask with -Force, and -WhatIf beats -Force' {
        $image = Get-EucaImage -Owner self -Name 'rot-ask'
        Unregister-EucaImage -ImageId $image.ImageId -Purge -RemoveBundle -Force -WhatIf
        (Get-EucaImage -ImageId $image.ImageId).State | Should -Be 'available'
        Unregister-EucaImage -ImageId $image.ImageId -Purge -RemoveBundle -TimeoutSeconds 30 -Force
        Get-EucaStoredKey $storage 'rotation-ask' | Should -BeNullOrEmpty
    }
}
