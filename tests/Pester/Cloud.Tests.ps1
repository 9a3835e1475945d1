# Connect-EucaCloud, Get-EucaCloud, Disconnect-EucaCloud and Get-EucaImage against the local compute endpoint.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:cloud = Start-EucaLocalCloud
    $script:keys = Get-EucaLocalCloudDefaults
    $script:connectArgs = @{ ComputeUrl = $cloud.Url; AccessKey = $keys.UserAccessKey; SecretKey = $keys.UserSecretKey; AccountId = $keys.UserAccountId }
    # Ambient configuration must not leak in from the machine running the tests.
    Clear-EucaCloudEnvironment
}

AfterAll {
    Disconnect-EucaCloud
    $cloud | Stop-EucaTestServer
}

Describe 'Connect-EucaCloud and Get-EucaCloud' -Tags 'CI' {
    AfterEach { Disconnect-EucaCloud }

    It 'sets the session connection and shows it without the secret' {
        Connect-EucaCloud @connectArgs
        $connection = Get-EucaCloud
        $connection.Settings.ComputeUrl | Should -Be ([uri]$cloud.Url)
        $connection.Settings.AccessKey | Should -Be $keys.UserAccessKey
        $shown = ($connection | Format-List | Out-String) + ($connection | Format-List * | Out-String) + ($connection | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue)
        $shown | Should -Not -Match ([regex]::Escape($keys.UserSecretKey))
        $connection.Settings.Sources['ComputeUrl'] | Should -BeLike 'parameter*'
    }

    It 'returns the connection with -PassThru for -Connection' {
        $connection = Connect-EucaCloud @connectArgs -PassThru
        Disconnect-EucaCloud
        @(Get-EucaImage -Connection $connection).Count | Should -BeGreaterThan 0
    }

    It 'sets the compute call time-out and the stall timer from -TimeoutSec and -StallTimeoutSec' {
        $connection = Connect-EucaCloud @connectArgs -TimeoutSec 5 -StallTimeoutSec 7 -PassThru
        $connection.Options.ComputeCallTimeout | Should -Be ([timespan]::FromSeconds(5))
        $connection.Options.StallTimeout | Should -Be ([timespan]::FromSeconds(7))
        @(Get-EucaImage).Count | Should -BeGreaterThan 0
    }

    It 'refuses a URL with a password and never shows the password' {
        $url = ([uri]$cloud.Url).ToString().Replace('://', '://admin:hunter2-password@')
        $failure = { Connect-EucaCloud -ComputeUrl $url -AccessKey $keys.UserAccessKey -SecretKey $keys.UserSecretKey -Verbose -Debug 4>&1 5>&1 } |
            Should -Throw -ErrorId 'CloudSettingExposesSecret*' -PassThru
        ($failure | Out-String) + $failure.TargetObject | Should -Not -Match 'hunter2-password'
    }

    It 'takes the access key pair from a PSCredential' {
        $secret = ConvertTo-SecureString $keys.UserSecretKey -AsPlainText -Force
        Connect-EucaCloud -ComputeUrl $cloud.Url -Credential ([pscredential]::new($keys.UserAccessKey, $secret))
        @(Get-EucaImage).Count | Should -BeGreaterThan 0
    }

    It 'reads the endpoint and keys from a eucarc file' {
        $eucarc = Join-Path $TestDrive 'eucarc'
        @(
            "export EC2_URL=$($cloud.Url)services/compute"
            "export EC2_ACCESS_KEY='$($keys.UserAccessKey)'"
            "export EC2_SECRET_KEY='$($keys.UserSecretKey)'"
            "export EC2_USER_ID='$($keys.UserAccountId)'"
        ) | Set-Content $eucarc
        Connect-EucaCloud -EucarcPath $eucarc
        (Get-EucaCloud).Settings.Sources['ComputeUrl'] | Should -BeLike 'eucarc*'
        Get-EucaImage -ImageId emi-5a6b7c8d | ForEach-Object Name | Should -Be 'centos-7-x86_64-ebs'
    }

    It 'names every missing setting and where it looked' {
        { Connect-EucaCloud -AccessKey $keys.UserAccessKey } | Should -Throw -ErrorId 'CloudConfigurationIncomplete*'
        try { Connect-EucaCloud -AccessKey $keys.UserAccessKey } catch { $message = $_.Exception.Message }
        $message | Should -Match 'ComputeUrl'
        $message | Should -Match 'EC2_URL'
        $message | Should -Match 'SecretKey'
        $message | Should -Match 'AWS_SECRET_ACCESS_KEY'
    }

    It 'never writes the secret key to the debug or verbose streams' {
        $records = Connect-EucaCloud @connectArgs -Debug -Verbose 5>&1 4>&1
        ($records | Out-String) | Should -Not -Match ([regex]::Escape($keys.UserSecretKey))
        ($records | Out-String) | Should -Match 'ComputeUrl from parameter'
    }
}

Describe 'Get-EucaImage' -Tags 'CI' {
    BeforeAll { Connect-EucaCloud @connectArgs }

    It 'lists what euca-describe-images lists: owned plus explicitly executable, once each, sorted' {
        $images = Get-EucaImage
        $ids = $images.ImageId
        $ids | Should -Contain 'emi-5a6b7c8d'           # owned
        $ids | Should -Contain 'emi-0f1e2d3c'           # shared with us by launch permission
        # Eucalyptus' ExecutableBy=self means an explicit launch permission; public images need -ExecutableBy all.
        $ids | Should -Not -Contain 'emi-13579bdf'
        (Get-EucaImage -ExecutableBy all).ImageId | Should -Contain 'emi-13579bdf'
        $ids | Should -Not -Contain 'emi-aabbccdd'      # another account's private image
        $ids | Should -Not -Contain 'emi-deadbeef'      # deregistered
        ($ids | Sort-Object -Unique).Count | Should -Be $ids.Count
        $ids | Should -Be ($ids | Sort-Object)
    }

    It 'emits typed images with a table view' {
        $image = Get-EucaImage -ImageId emi-5a6b7c8d
        $image.PSObject.TypeNames[0] | Should -Be 'Euca.Images.Engine.Images.ImageInfo'
        $image.RootDeviceType | Should -Be 'Ebs'
        $table = $image | Format-Table | Out-String -Width 300
        foreach ($column in 'ImageId', 'Name', 'State', 'ImageType', 'RootDeviceType', 'IsPublic', 'OwnerId', 'CreationDate') {
            $table | Should -Match $column
        }
    }

    It 'accepts emi-, eki-, eri- and ami- ids, short and long, from the pipeline' {
        $found = 'emi-0ba907069cb1845bc', 'eki-6e0f3b1d', 'eri-2c9a7d40', 'ami-4d5e6f70' | Get-EucaImage
        $found.ImageId | Should -Be @('emi-0ba907069cb1845bc', 'eki-6e0f3b1d', 'eri-2c9a7d40', 'ami-4d5e6f70') -Because 'each id is looked up in pipeline order'
    }

    It 'filters by owner, executable-by and filters' {
        (Get-EucaImage -Owner self).OwnerId | Sort-Object -Unique | Should -Be '123456789012'
        (Get-EucaImage -ExecutableBy all -Filter @{ 'image-type' = 'kernel', 'ramdisk' }).ImageType | Sort-Object -Unique | Should -Be @('Kernel', 'Ramdisk')
        (Get-EucaImage -Filter @{ name = 'centos-*' }).Name | ForEach-Object { $_ | Should -BeLike 'centos-*' }
    }

    It 'rejects a malformed id before calling the cloud' {
        { Get-EucaImage -ImageId 'emi-xyz' -ErrorAction Stop } | Should -Throw -ErrorId 'ImageIdInvalid*'
    }

    It 'reports an unknown id as ImageNotFound' {
        { Get-EucaImage -ImageId 'emi-00000000' -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound*'
    }

    It 'fails clearly on a wrong secret key, without showing it' {
        $wrong = Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.UserAccessKey -SecretKey 'not-the-secret-key' -PassThru
        $errorRecord = $null
        try { Get-EucaImage -Connection $wrong } catch { $errorRecord = $_ }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'CloudAuthenticationFailed*'
        $errorRecord.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($errorRecord | Out-String) | Should -Not -Match 'not-the-secret-key'
        Connect-EucaCloud @connectArgs
    }

    It 'fails clearly and quickly on an unreachable endpoint' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $closed = Connect-EucaCloud -ComputeUrl "http://127.0.0.1:$port/" -AccessKey $keys.UserAccessKey -SecretKey $keys.UserSecretKey -PassThru
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        { Get-EucaImage -Connection $closed } | Should -Throw -ErrorId 'CloudUnreachable*'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
        Connect-EucaCloud @connectArgs
    }
}
