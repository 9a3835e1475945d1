# Install-EucaImage and Unregister-EucaImage -RemoveBundle end to end against the local cloud and s3rver, plus the
# whole bundle -> upload -> register pipeline.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    # A 0.002 GB (about 2 MB) size cap: the small images pass, a larger one is refused after its upload.
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.5 -MaxImageSizeGb 0.002
    $certs = $keys.CertificateDirectory
    $script:signing = @{
        Certificate = Join-Path $certs 'user-cert.pem'; PrivateKey = Join-Path $certs 'user-key.pem'
        CloudCertificate = Join-Path $certs 'cloud-cert.pem'
    }
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId

    $script:disk = Join-Path $TestDrive 'disk.img'
    New-TestImage -Path $disk -Seed 11 -RandomBytes 300000 -ZeroBytes 500000 -TextBytes 100000
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Install-EucaImage' -Tags 'CI' {
    It 'bundles, uploads and registers an HVM image in one command' {
        # Bundle working folders go under TMPDIR; a folder of its own keeps other test runs on the machine out of the check.
        $workRoot = New-Item -ItemType Directory (Join-Path $TestDrive 'install-tmp')
        $savedTmp = $env:TMPDIR
        $env:TMPDIR = $workRoot.FullName
        try {
            $image = Install-EucaImage -Path $disk -Name 'inst-hvm' -Bucket 'install' -Architecture x86_64 @signing -Confirm:$false
        }
        finally {
            $env:TMPDIR = $savedTmp
        }
        $image.ImageId | Should -Match '^emi-[0-9a-f]{8}$'
        $image.Name | Should -Be 'inst-hvm'
        $image.VirtualizationType | Should -Be 'Hvm'
        $image.ImageLocation | Should -Be 'install/disk.img.manifest.xml'
        Get-EucaStoredKey $storage 'install' | Should -Contain 'disk.img.manifest.xml'
        (Wait-EucaImage -ImageId $image.ImageId -State available -TimeoutSeconds 30).State | Should -Be 'available'
        # Nothing of the bundle stays on local disk: no bundle working folder holds any of its files.
        Get-ChildItem $workRoot -Recurse -Filter 'disk.img*' | Should -BeNullOrEmpty
    }

    It 'installs a VHDX as it comes from Hyper-V, bundling the raw disk it describes' {
        $vhdx = ConvertTo-QemuTestImage $disk vhdx (Join-Path $TestDrive 'hyperv.vhdx')
        $image = Install-EucaImage -Path $vhdx -Name 'inst-vhdx' -Bucket 'install-vhdx' -Architecture x86_64 @signing -Confirm:$false
        $image.ImageLocation | Should -Be 'install-vhdx/hyperv.vhdx.manifest.xml'
        (Wait-EucaImage -ImageId $image.ImageId -State available -TimeoutSeconds 30).State | Should -Be 'available'
        $restored = Expand-EucaBundle -ManifestLocation $image.ImageLocation -PrivateKey $signing.PrivateKey -Destination (Join-Path $TestDrive 'from-vhdx')
        $expected = Join-Path $TestDrive 'hyperv.qemu.raw'
        & qemu-img convert -O raw $vhdx $expected
        (Get-FileHash $restored.Path).Hash | Should -Be (Get-FileHash $expected).Hash
    }

    It 'shares the image with everyone with -Public' {
        $image = Install-EucaImage -Path $disk -Name 'inst-public' -Bucket 'install-public' -Architecture x86_64 @signing -Public -Confirm:$false
        $image.IsPublic | Should -BeTrue
        (Get-EucaImageAttribute -ImageId $image.ImageId -Attribute LaunchPermission).LaunchPermissions.Group | Should -Contain 'all'
    }

    It 'checks the registration before uploading anything' {
        { Install-EucaImage -Path $disk -Name 'inst-pv' -Bucket 'never-made' -Architecture x86_64 -VirtualizationType paravirtual @signing -Confirm:$false } |
            Should -Throw -ErrorId 'ParavirtualNeedsKernelAndRamdisk*'
        Get-EucaStoredKey $storage 'never-made' | Should -BeNullOrEmpty
    }

    It 'removes what it uploaded when registration fails, and says so' {
        $big = Join-Path $TestDrive 'toobig.img'
        New-TestImage -Path $big -Seed 12 -RandomBytes 2500000 -ZeroBytes 0 -TextBytes 10
        $failure = $null
        try { Install-EucaImage -Path $big -Name 'inst-big' -Bucket 'install-big' -Architecture x86_64 @signing -Confirm:$false } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -Match 'Removed bundle install-big/toobig.img.manifest.xml'
        Get-EucaStoredKey $storage 'install-big' | Should -BeNullOrEmpty
    }

    It 'keeps the uploaded bundle with -KeepBundle' {
        $big = Join-Path $TestDrive 'toobig-kept.img'
        New-TestImage -Path $big -Seed 13 -RandomBytes 2500000 -ZeroBytes 0 -TextBytes 10
        { Install-EucaImage -Path $big -Name 'inst-kept' -Bucket 'install-kept' -Architecture x86_64 @signing -KeepBundle -Confirm:$false } | Should -Throw
        Get-EucaStoredKey $storage 'install-kept' | Should -Contain 'toobig-kept.img.manifest.xml'
    }

    It 'rolls back on Ctrl+C' {
        $slow = Join-Path $TestDrive 'slow.img'
        $bytes = [byte[]]::new(160MB); [System.Random]::new(5).NextBytes($bytes); [IO.File]::WriteAllBytes($slow, $bytes); $bytes = $null
        $shell = [powershell]::Create()
        try {
            # One script, not a batch of statements: a stopped batch keeps running on the thread pool and touches the
            # disposed runspace, which takes the whole process down.
            $connect = @{ ComputeUrl = $cloud.Url; ObjectStorageUrl = $storage.Url; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; AccountId = $keys.UserAccountId }
            $install = @{ Path = $slow; Name = 'inst-stopped'; Bucket = 'install-stopped'; Architecture = 'x86_64'; Confirm = $false } + $signing
            $null = $shell.AddScript('param($Module, $Connect, $Install) Import-Module $Module; Connect-EucaCloud @Connect; Install-EucaImage @Install').
                AddArgument((Get-TestModulePath)).AddArgument($connect).AddArgument($install)
            $pending = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ([DateTime]::UtcNow -lt $deadline -and -not (Get-EucaStoredKey $storage 'install-stopped' | Where-Object { $_ -like '*.part.*' })) { Start-Sleep -Milliseconds 100 }
            $pending.IsCompleted | Should -BeFalse -Because 'the install must still be uploading when it is stopped'
            $shell.Stop()
            Get-EucaStoredKey $storage 'install-stopped' | Should -BeNullOrEmpty
        }
        finally { $shell.Dispose() }
    }
}

Describe 'The whole image pipeline' -Tags 'CI' {
    It 'New-EucaBundle | Send-EucaBundle | Register-EucaImage registers the bundle' {
        $image = New-EucaBundle -Path $disk -Architecture x86_64 @signing -Prefix 'piped.img' -Destination (Join-Path $TestDrive 'piped') |
            Send-EucaBundle -Bucket 'piped' |
            Register-EucaImage -Name 'inst-piped' -Confirm:$false
        $image.ImageLocation | Should -Be 'piped/piped.img.manifest.xml'
        $image.Name | Should -Be 'inst-piped'
    }

    It 'a finished bundle task pipes into Register-EucaImage' {
        # The cloud stores an instance's bundle under the task's bucket and prefix; the local cloud's task only reports
        # completion, so the bundle it would have written is put there first.
        New-EucaBundle -Path $disk -Architecture x86_64 @signing -Prefix 'web-bundle' -Destination (Join-Path $TestDrive 'web') |
            Send-EucaBundle -Bucket 'bundled-instances' | Out-Null
        $image = New-EucaInstanceBundle -InstanceId i-2a3b4c5d -Bucket 'bundled-instances' -Prefix 'web-bundle' |
            Wait-EucaBundleTask -TimeoutSeconds 60 -PollSeconds 0.1 |
            Register-EucaImage -Name 'inst-from-instance' -VirtualizationType hvm -Confirm:$false
        $image.ImageLocation | Should -Be 'bundled-instances/web-bundle.manifest.xml'
        $image.Name | Should -Be 'inst-from-instance'
    }

    It 'Get-EucaImage -Name x* | Unregister-EucaImage -Purge -RemoveBundle removes images and bundles' {
        $names = (Get-EucaImage -Owner self -Name 'inst-*').Name
        $names | Should -Contain 'inst-hvm'
        $names | Should -Contain 'inst-piped'
        Get-EucaImage -Owner self -Name 'inst-*' | Unregister-EucaImage -Purge -RemoveBundle -TimeoutSeconds 30 -Confirm:$false
        Get-EucaImage -Owner self -Name 'inst-*' | Should -BeNullOrEmpty
        Get-EucaStoredKey $storage 'install' | Should -BeNullOrEmpty
        Get-EucaStoredKey $storage 'piped' | Should -BeNullOrEmpty
        Get-EucaStoredKey $storage 'bundled-instances' | Should -BeNullOrEmpty
    }

    It 'warns that an EBS-backed image has no bundle to remove' {
        $ebs = Register-EucaImage -Name 'inst-ebs' -SnapshotId snap-3e1d2c4b -Confirm:$false
        $warnings = Unregister-EucaImage -ImageId $ebs.ImageId -RemoveBundle -Confirm:$false 3>&1
        ($warnings | Out-String) | Should -Match 'no bundle to remove'
    }
}

Describe 'Install-EucaImage with a kernel and a ramdisk' -Tags 'CI' {
    BeforeAll {
        # Kernels and ramdisks need an administrator: this cloud gives s3rver's S3RVER key to the admin account.
        $configPath = New-AdminCloudConfig -Keys $keys -Path (Join-Path $TestDrive 'admin-cloud.json')
        $script:adminCloud = Start-EucaLocalCloud -ConfigPath $configPath -ObjectStorageUrl $storage.Url -PendingSeconds 0.2
        $script:adminConnection = Connect-EucaCloud -ComputeUrl $adminCloud.Url -ObjectStorageUrl $storage.Url -AccessKey 'S3RVER' -SecretKey 'S3RVER' -AccountId '000000000001' -PassThru
        Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId
    }

    AfterAll { $adminCloud | Stop-EucaTestServer }

    It 'installs the EKI, the ERI and the paravirtual EMI booting with them' {
        $testData = Get-Euca2oolsTestData
        $kernel = Join-Path $TestDrive 'vmlinuz-test'; Copy-Item (Join-Path $testData 'vmlinuz-test') $kernel
        $ramdisk = Join-Path $TestDrive 'initrd-test'; New-TestImage -Path $ramdisk -Seed 14 -RandomBytes 20000 -ZeroBytes 0 -TextBytes 5000
        $images = Install-EucaImage -Connection $adminConnection -Path $disk -KernelPath $kernel -RamdiskPath $ramdisk -Name 'pv-set' `
            -Bucket 'pv-set' -Architecture x86_64 -AccountId '000000000001' @signing -Confirm:$false
        $images.Count | Should -Be 3
        $images[0].ImageType | Should -Be 'Kernel'
        $images[0].Name | Should -Be 'pv-set-kernel'
        $images[1].ImageType | Should -Be 'Ramdisk'
        $images[2].ImageType | Should -Be 'Machine'
        $images[2].VirtualizationType | Should -Be 'Paravirtual'
        $images[2].KernelId | Should -Be $images[0].ImageId
        $images[2].RamdiskId | Should -Be $images[1].ImageId
    }

    It 'refuses -KernelPath together with -KernelId' {
        { Install-EucaImage -Path $disk -KernelPath $disk -KernelId 'eki-12345678' -Name 'x' -Bucket 'x' -Architecture x86_64 @signing -Confirm:$false } |
            Should -Throw -ErrorId 'InstallKernelSourceConflict*'
    }
}
