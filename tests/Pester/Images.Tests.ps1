# The image lifecycle cmdlets against the local compute endpoint, which reads bundle manifests from s3rver:
# Register-EucaImage, Wait-EucaImage, Unregister-EucaImage, the image attribute cmdlets, Get-EucaImage's convenience
# filters and image id tab completion.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    # A 0.0004 GB (about 430 KB) size cap lets one small test bundle pass and a larger one be refused.
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 1 -MaxImageSizeGb 0.0004

    # Bundles are placed in s3rver directly, so these tests do not depend on the upload cmdlet.
    function script:Send-TestBundle([object] $Bundle, [string] $Bucket) {
        Invoke-EucaObjectStorageRequest -Storage $storage -Method Put -Path $Bucket -AllowHttpError | Out-Null
        foreach ($file in @(Get-ChildItem $Bundle.Directory -File)) {
            Invoke-EucaObjectStorageRequest -Storage $storage -Method Put -Path "$Bucket/$($file.Name)" -InFile $file.FullName | Out-Null
        }
        [pscustomobject]@{ ManifestLocation = "$Bucket/$(Split-Path $Bundle.ManifestPath -Leaf)" }
    }

    $certs = $keys.CertificateDirectory
    $bundleArgs = @{
        Architecture = 'x86_64'; AccountId = $keys.UserAccountId
        Certificate = Join-Path $certs 'user-cert.pem'; PrivateKey = Join-Path $certs 'user-key.pem'
        CloudCertificate = Join-Path $certs 'cloud-cert.pem'
    }
    $small = Join-Path $TestDrive 'small.img'
    New-TestImage -Path $small -Seed 3 -RandomBytes 50000 -ZeroBytes 40000 -TextBytes 10000
    $large = Join-Path $TestDrive 'large.img'
    New-TestImage -Path $large -Seed 4 -RandomBytes 100000 -ZeroBytes 400000 -TextBytes 10000
    $script:smallUpload = Send-TestBundle (New-EucaBundle -Path $small @bundleArgs -Destination (Join-Path $TestDrive 'small')) 'images'
    $script:largeUpload = Send-TestBundle (New-EucaBundle -Path $large @bundleArgs -Destination (Join-Path $TestDrive 'large')) 'images'

    $script:userArgs = @{ ComputeUrl = $cloud.Url; AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey; AccountId = $keys.UserAccountId }
    $script:admin = Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.AdminAccessKey -SecretKey $keys.AdminSecretKey -PassThru
    Connect-EucaCloud @userArgs

    function script:New-EbsImage([string] $Name) {
        Register-EucaImage -Name $Name -SnapshotId snap-3e1d2c4b -Confirm:$false
    }
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Register-EucaImage' -Tags 'CI' {
    It 'registers an uploaded bundle from the pipeline, emits the described image, and Wait-EucaImage sees it become available' {
        $image = $smallUpload | Register-EucaImage -Name 'small-hvm' -Description 'from s3rver' -Confirm:$false

        $image.GetType().Name | Should -Be 'ImageInfo'
        $image.ImageId | Should -Match '^emi-[0-9a-f]{8}$'
        $image.State | Should -Be 'pending'
        $image.ImageLocation | Should -Be $smallUpload.ManifestLocation
        $image.Description | Should -Be 'from s3rver'
        $image.RootDeviceType | Should -Be 'InstanceStore'
        $image.VirtualizationType | Should -Be 'Hvm'

        $ready = $image | Wait-EucaImage -State available -PollSeconds 0.2 -TimeoutSeconds 30
        $ready.State | Should -Be 'available'
        $ready.ImageId | Should -Be $image.ImageId
    }

    It 'names piped bundles with a script block run for each' {
        $image = $smallUpload | Register-EucaImage -Name { 'named-' + ($_.ManifestLocation -replace '\W', '-') } -Confirm:$false
        $image.Name | Should -Be 'named-images-small-img-manifest-xml'
    }

    It 'registers a paravirtual image with a kernel and a ramdisk' {
        $image = Register-EucaImage -Name 'small-pv' -ImageLocation $smallUpload.ManifestLocation -VirtualizationType paravirtual -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 -Confirm:$false
        $image.VirtualizationType | Should -Be 'Paravirtual'
        $image.KernelId | Should -Be 'eki-6e0f3b1d'
    }

    It 'registers an EBS image with mappings given as strings and hashtables' {
        $image = Register-EucaImage -Name 'ebs-mapped' -SnapshotId snap-3e1d2c4b -BlockDeviceMapping '/dev/sdb=ephemeral0', @{ DeviceName = '/dev/sdc'; VolumeSize = 20; DeleteOnTermination = $true } -Confirm:$false

        $image.RootDeviceType | Should -Be 'Ebs'
        $image.RootDeviceName | Should -Be '/dev/sda'
        $image.VirtualizationType | Should -Be 'Hvm'
        ($image.BlockDeviceMappings | Where-Object DeviceName -eq '/dev/sda').SnapshotId | Should -Be 'snap-3e1d2c4b'
        ($image.BlockDeviceMappings | Where-Object DeviceName -eq '/dev/sdb').VirtualName | Should -Be 'ephemeral0'
        ($image.BlockDeviceMappings | Where-Object DeviceName -eq '/dev/sdc').VolumeSizeGiB | Should -Be 20
    }

    It 'remaps /dev/sda1 to /dev/sda and says so in a warning' {
        $image = Register-EucaImage -Name 'ebs-sda1' -SnapshotId snap-3e1d2c4b -RootDeviceName /dev/sda1 -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $image.RootDeviceName | Should -Be '/dev/sda'
        ($warnings -join ' ') | Should -Match '/dev/sda1 is registered as /dev/sda'
    }

    It 'sends Platform=windows, which the EC2 API lacks' {
        $image = Register-EucaImage -Name 'ebs-windows' -SnapshotId snap-3e1d2c4b -Platform windows -Confirm:$false
        $image.Platform | Should -Be 'windows'
    }

    It 'registers nothing with -WhatIf' {
        Register-EucaImage -Name 'what-if-image' -SnapshotId snap-3e1d2c4b -WhatIf | Should -BeNullOrEmpty
        Get-EucaImage -Name 'what-if-image' | Should -BeNullOrEmpty
    }

    It 'rejects <case> before calling the cloud with <id>' -TestCases @(
        @{ case = 'paravirtual without a ramdisk'; id = 'ParavirtualNeedsKernelAndRamdisk'; call = { Register-EucaImage -Name pv-bad -ImageLocation images/x.manifest.xml -VirtualizationType paravirtual -KernelId eki-6e0f3b1d -Confirm:$false } }
        @{ case = 'a paravirtual EBS image'; id = 'EbsImageMustBeHvm'; call = { Register-EucaImage -Name ebs-pv -SnapshotId snap-3e1d2c4b -VirtualizationType paravirtual -Confirm:$false } }
        @{ case = 'a partition'; id = 'DeviceNameInvalid'; call = { Register-EucaImage -Name ebs-part -SnapshotId snap-3e1d2c4b -BlockDeviceMapping '/dev/sdb1=ephemeral0' -Confirm:$false } }
        @{ case = 'two ephemerals'; id = 'TooManyEphemeralDevices'; call = { Register-EucaImage -Name ebs-eph -SnapshotId snap-3e1d2c4b -BlockDeviceMapping '/dev/sdb=ephemeral0', '/dev/sdc=ephemeral1' -Confirm:$false } }
        @{ case = 'a malformed mapping'; id = 'BlockDeviceMappingInvalid'; call = { Register-EucaImage -Name ebs-map -SnapshotId snap-3e1d2c4b -BlockDeviceMapping '/dev/sdb=:x' -Confirm:$false } }
        @{ case = 'an unknown hashtable key'; id = 'BlockDeviceMappingInvalid'; call = { Register-EucaImage -Name ebs-key -SnapshotId snap-3e1d2c4b -BlockDeviceMapping @{ DeviceName = '/dev/sdb'; Size = 3 } -Confirm:$false } }
        @{ case = 'a bad name'; id = 'ImageNameInvalid'; call = { Register-EucaImage -Name 'no spaces' -SnapshotId snap-3e1d2c4b -Confirm:$false } }
    ) {
        $call | Should -Throw -ErrorId "$id,*"
    }

    It 'reports the cloud''s refusal: <case>' -TestCases @(
        @{ case = 'a missing manifest'; id = 'Cloud.InvalidManifest'; location = 'images/none.manifest.xml' }
        @{ case = 'an image over the size cap'; id = 'Cloud.InvalidParameterValue'; location = $null }
    ) {
        $where = if ($location) { $location } else { $largeUpload.ManifestLocation }
        { Register-EucaImage -Name 'refused' -ImageLocation $where -Confirm:$false } | Should -Throw -ErrorId "$id,*"
    }
}

Describe 'Get-EucaImage convenience filters and completion' -Tags 'CI' {
    It 'filters by image type, root device type, state and name wildcards' {
        # The kernels and ramdisks are the administrator's public images: not in the default (owned + shared) listing.
        @(Get-EucaImage -ExecutableBy all -ImageType Kernel).ImageId | Should -Be @('eki-6e0f3b1d')
        @(Get-EucaImage -ExecutableBy all -ImageType Ramdisk).ImageId | Should -Be @('eri-2c9a7d40')
        Get-EucaImage -ImageType Kernel | Should -BeNullOrEmpty
        Get-EucaImage -RootDeviceType Ebs -Name 'centos-*' | ForEach-Object ImageId | Should -Be 'emi-5a6b7c8d'
        @(Get-EucaImage -Name 'centos-*' -State available).ImageId | Should -Be @('emi-5a6b7c8d', 'emi-7b8c9d0e')
        Get-EucaImage -Name 'centos-*' -State failed | Should -BeNullOrEmpty
    }

    It 'completes image ids with "id - name (state)" tooltips' {
        $completion = TabExpansion2 -inputScript 'Get-EucaImage -ImageId emi-1f' -cursorColumn 29
        $match = $completion.CompletionMatches | Where-Object CompletionText -eq 'emi-1f8e3c5a'
        $match | Should -Not -BeNullOrEmpty
        $match.ToolTip | Should -Be 'emi-1f8e3c5a - ubuntu-16.04-x86_64-hvm (available)'
        $completion.CompletionMatches.CompletionText | Should -Not -Contain 'emi-5a6b7c8d'
    }

    It 'keeps an opening quote' {
        $script = "Wait-EucaImage -ImageId 'emi-5a"
        $completion = TabExpansion2 -inputScript $script -cursorColumn $script.Length
        $completion.CompletionMatches.CompletionText | Should -Contain "'emi-5a6b7c8d'"
    }

    It 'completes only kernels for -KernelId and only ramdisks for -RamdiskId' {
        $script = 'Register-EucaImage -Name x -KernelId '
        (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText | Should -Be @('eki-6e0f3b1d')
        $script = 'Register-EucaImage -Name x -RamdiskId '
        (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText | Should -Be @('eri-2c9a7d40')
    }

    It 'gives up after about two seconds on a cloud that does not answer, without an error' {
        $silent = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $silent.Start()
        try {
            $port = $silent.LocalEndpoint.Port
            Connect-EucaCloud -ComputeUrl "http://127.0.0.1:$port/" -AccessKey AKIASILENT -SecretKey silent-secret
            $script = 'Get-EucaImage -ImageId emi-'
            $elapsed = Measure-Command { $script:completion = TabExpansion2 -inputScript $script -cursorColumn $script.Length }
            $completion.CompletionMatches | Where-Object CompletionText -like 'emi-*' | Should -BeNullOrEmpty
            $elapsed.TotalSeconds | Should -BeLessThan 6
        }
        finally {
            $silent.Stop()
            Connect-EucaCloud @userArgs
        }
    }
}

Describe 'Unregister-EucaImage' -Tags 'CI' {
    It 'hides an image with the first call and deletes it with the second' {
        $image = New-EbsImage 'dereg-twice'
        $image | Unregister-EucaImage -Confirm:$false
        { Get-EucaImage -ImageId $image.ImageId -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
        Unregister-EucaImage $image.ImageId -Confirm:$false
        { Unregister-EucaImage $image.ImageId -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
    }

    It 'purges as an administrator, checking the verbose view, and Wait-EucaImage -State deregistered returns' {
        $image = New-EbsImage 'dereg-purge'
        Unregister-EucaImage -ImageId $image.ImageId -Purge -TimeoutSeconds 30 -Connection $admin -Confirm:$false
        { Unregister-EucaImage $image.ImageId -Connection $admin -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
        Wait-EucaImage -ImageId $image.ImageId -State deregistered -TimeoutSeconds 5 -PollSeconds 0.2 | Should -BeNullOrEmpty
    }

    It 'purges as the owner' {
        $image = New-EbsImage 'dereg-owner'
        $image | Unregister-EucaImage -Purge -Confirm:$false
        { Unregister-EucaImage $image.ImageId -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
    }

    It 'reports errors per image and goes on' {
        $image = New-EbsImage 'dereg-many'
        'emi-00000000', 'not-an-id', $image.ImageId | Unregister-EucaImage -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound,*'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'ImageIdInvalid*'
        { Get-EucaImage -ImageId $image.ImageId -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
    }

    It 'names an unknown image as the error''s TargetObject, in category ObjectNotFound' {
        Unregister-EucaImage emi-00000000 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].TargetObject | Should -Be 'emi-00000000'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Message | Should -BeLike '*emi-00000000*'
    }

    It 'refuses images of other accounts and changes nothing with -WhatIf' {
        { Unregister-EucaImage emi-0f1e2d3c -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'Cloud.AuthFailure,*'
        $image = New-EbsImage 'dereg-whatif'
        Unregister-EucaImage $image.ImageId -WhatIf
        (Get-EucaImage -ImageId $image.ImageId).ImageId | Should -Be $image.ImageId
    }
}

Describe 'Image attributes' -Tags 'CI' {
    BeforeAll { $script:shared = New-EbsImage 'attributes-1' }

    It 'gets the kernel, ramdisk and description as typed objects' {
        $kernel = Get-EucaImageAttribute -ImageId emi-7b8c9d0e -Attribute Kernel
        $kernel.GetType().Name | Should -Be 'ImageAttributeInfo'
        $kernel.KernelId | Should -Be 'eki-6e0f3b1d'
        (Get-EucaImageAttribute emi-7b8c9d0e Ramdisk).RamdiskId | Should -Be 'eri-2c9a7d40'
        ($kernel | Format-Table | Out-String) | Should -Match 'emi-7b8c9d0e\s+Kernel\s+eki-6e0f3b1d'
    }

    It 'shares with an account, makes public and private, and returns the new attribute with -PassThru' {
        $added = Edit-EucaImageAttribute -ImageId $shared.ImageId -AddLaunchPermission '2109-8765-4321' -PassThru -Confirm:$false
        $added.LaunchPermissions.UserId | Should -Be @('210987654321')
        $added.IsPublic | Should -BeFalse

        $public = $shared | Edit-EucaImageAttribute -Public -PassThru -Confirm:$false
        $public.IsPublic | Should -BeTrue
        (Get-EucaImage -ImageId $shared.ImageId).IsPublic | Should -BeTrue

        $private = Edit-EucaImageAttribute $shared.ImageId -Private -PassThru -Confirm:$false
        $private.IsPublic | Should -BeFalse
        $private.LaunchPermissions.UserId | Should -Be @('210987654321')
    }

    It 'adds product codes and sets the description' {
        $changed = Edit-EucaImageAttribute $shared.ImageId -ProductCode 8fa3c2d1 -Description 'new words' -PassThru -Confirm:$false
        ($changed | Where-Object Attribute -eq 'ProductCodes').ProductCodes | Should -Be @('8fa3c2d1')
        ($changed | Where-Object Attribute -eq 'Description').Description | Should -Be 'new words'
    }

    It 'resets launch permissions' {
        Edit-EucaImageAttribute $shared.ImageId -AddLaunchPermission all -Confirm:$false
        $reset = Reset-EucaImageAttribute -ImageId $shared.ImageId -Attribute LaunchPermission -PassThru -Confirm:$false
        $reset.LaunchPermissions | Should -BeNullOrEmpty
        (Get-EucaImage -ImageId $shared.ImageId).IsPublic | Should -BeFalse
    }

    It 'rejects <case> with <id>' -TestCases @(
        @{ case = 'a short account id'; id = 'LaunchPermissionInvalid'; call = { Edit-EucaImageAttribute emi-5a6b7c8d -AddLaunchPermission 12345 -Confirm:$false -ErrorAction Stop } }
        @{ case = 'nothing to change'; id = 'ImageAttributeChangeMissing'; call = { Edit-EucaImageAttribute emi-5a6b7c8d -Confirm:$false } }
        @{ case = '-Public with -Private'; id = 'PublicAndPrivate'; call = { Edit-EucaImageAttribute emi-5a6b7c8d -Public -Private -Confirm:$false } }
        @{ case = 'another account''s image'; id = 'Cloud.AuthFailure'; call = { Edit-EucaImageAttribute emi-0f1e2d3c -Description x -Confirm:$false -ErrorAction Stop } }
        @{ case = 'reading another account''s image'; id = 'Cloud.AuthFailure'; call = { Get-EucaImageAttribute emi-0f1e2d3c -Attribute Description -ErrorAction Stop } }
        @{ case = 'resetting another account''s image'; id = 'Cloud.AuthFailure'; call = { Reset-EucaImageAttribute emi-0f1e2d3c -Attribute LaunchPermission -Confirm:$false -ErrorAction Stop } }
    ) {
        $call | Should -Throw -ErrorId "$id,*"
    }

    It 'names the image as the error''s TargetObject: <case> is <category>' -TestCases @(
        @{ case = 'an unknown image'; imageId = 'emi-00000000'; category = 'ObjectNotFound' }
        @{ case = 'another account''s image'; imageId = 'emi-0f1e2d3c'; category = 'PermissionDenied' }
    ) {
        Get-EucaImageAttribute $imageId -Attribute Description -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].TargetObject | Should -Be $imageId
        $failures[0].CategoryInfo.Category | Should -Be $category
    }

    It 'changes nothing with -WhatIf' {
        Edit-EucaImageAttribute $shared.ImageId -Description 'what if' -WhatIf
        (Get-EucaImageAttribute $shared.ImageId -Attribute Description).Description | Should -Not -Be 'what if'
    }
}

Describe 'Wait-EucaImage' -Tags 'CI' {
    It 'times out with the image and its last state in the message' {
        { Wait-EucaImage -ImageId emi-5a6b7c8d -State failed -TimeoutSeconds 1 -PollSeconds 0.2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageWaitTimeout,*' -ExpectedMessage '*emi-5a6b7c8d*still available*'
    }

    It 'gives up with an OperationTimeout error about the image' {
        Wait-EucaImage -ImageId emi-5a6b7c8d -State failed -TimeoutSeconds 1 -PollSeconds 0.2 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject | Should -Be 'emi-5a6b7c8d'
    }

    It 'reports a missing image per image and goes on' {
        $found = 'emi-00000000', 'emi-5a6b7c8d' | Wait-EucaImage -State available -PollSeconds 0.2 -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.ImageId | Should -Be 'emi-5a6b7c8d'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound,*'
    }
}
