# Tab completion: every parameter that is not a file completes from the cloud or the configuration, or says nothing,
# and never offers the current folder's file names; the cloud completers list what the local cloud and s3rver hold.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Parameters that name files or folders: PowerShell's file completion is right for these and only these.
    $script:fileParameters = 'Path', 'LiteralPath', 'ManifestPath', 'KernelPath', 'RamdiskPath', 'PartsDirectory', 'Destination',
        'PrivateKey', 'Certificate', 'CloudCertificate', 'CertificateAuthority', 'EucarcPath', 'ProfileLocation'
    $common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
        [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name
    $script:textParameters = foreach ($command in Get-Command -Module Euca.Images) {
        foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.Name -notin $common -and $parameter.Name -notin $fileParameters -and $parameter.ParameterType -in [string], [string[]]) {
                @{ Command = $command.Name; Parameter = $parameter.Name }
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    function script:Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Parameters that are not files, with no connection' -Tags 'CI' {
    BeforeAll {
        Disconnect-EucaCloud -ErrorAction SilentlyContinue
        $script:folder = New-Item -ItemType Directory (Join-Path $TestDrive 'files')
        New-Item -ItemType File (Join-Path $folder 'afile.txt'), (Join-Path $folder 'emi-notes.txt') | Out-Null
        Push-Location $folder
    }

    AfterAll { Pop-Location }

    It '<Command> -<Parameter> offers no file names' -ForEach $textParameters {
        $offered = @(Get-Completion "$Command -$Parameter ") + @(Get-Completion "$Command -$Parameter e")
        $offered.CompletionText | Where-Object { $_ -match 'afile|emi-notes' } | Should -BeNullOrEmpty
    }
}

Describe 'Completion from the cloud' -Tags 'CI' {
    BeforeAll {
        $keys = Get-EucaLocalCloudDefaults
        $script:storage = Start-EucaObjectStorage
        $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url
        Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey
        $body = Join-Path $TestDrive 'body'; Set-Content $body 'x'
        foreach ($bucket in 'images', 'imports') { Invoke-EucaObjectStorageRequest -Storage $storage -Method Put -Path $bucket | Out-Null }
        # s3rver leaves out a common prefix whose only keys are nested deeper (Eucalyptus does not): centos/ has a key of its own.
        foreach ($key in 'images/centos/a.part', 'images/centos/7/a.part', 'images/ubuntu/b.part') { Invoke-EucaObjectStorageRequest -Storage $storage -Method Put -Path $key -InFile $body | Out-Null }
    }

    AfterAll {
        Disconnect-EucaCloud
        $cloud, $storage | Stop-EucaTestServer
    }

    It 'completes <Line> with <Expected>, each with a tooltip' -ForEach @(
        @{ Line = 'New-EucaImage -InstanceId i-'; Expected = @('i-0e1b2c3d', 'i-1f2e3d4c', 'i-2a3b4c5d', 'i-3b4c5d6e', 'i-4c5d6e7f') }
        @{ Line = 'Import-EucaVolume -AvailabilityZone '; Expected = @('one') }
        @{ Line = 'Send-EucaBundle -Bucket im'; Expected = @('images', 'imports') }
        @{ Line = 'Send-EucaBundle -Bucket images -KeyPrefix '; Expected = @('centos', 'ubuntu') }
        @{ Line = 'Send-EucaBundle -Bucket images -KeyPrefix centos/'; Expected = @('centos/7') }
        @{ Line = 'Send-EucaBundle -Bucket images -Prefix u'; Expected = @('ubuntu') }
        @{ Line = 'Get-EucaImage -ExecutableBy '; Expected = @('000000000001', '123456789012', '210987654321', 'all', 'self') }
        @{ Line = 'Get-EucaImage -Owner s'; Expected = @('self') }
        @{ Line = 'Edit-EucaImageAttribute -AddLaunchPermission '; Expected = @('000000000001', '123456789012', '210987654321', 'all') }
    ) {
        $offered = @(Get-Completion $Line)
        $offered.CompletionText | Sort-Object | Should -Be $Expected
        foreach ($match in $offered) { $match.ToolTip | Should -Not -Be $match.CompletionText -Because 'the tooltip says what it is' }
    }

    It 'says who owns an account it offers' {
        (Get-Completion 'Get-EucaImage -Owner 2109' | Select-Object -First 1).ToolTip | Should -Match 'account 210987654321.*image'
    }

    It 'offers no folders before a bucket is named' {
        Get-Completion 'Send-EucaBundle -KeyPrefix ' | Should -BeNullOrEmpty
    }
}

Describe 'Completion from the configuration' -Tags 'CI' {
    BeforeAll {
        $script:saved = @{ EUCA_CONFIG_PATH = $env:EUCA_CONFIG_PATH; AWS_SHARED_CREDENTIALS_FILE = $env:AWS_SHARED_CREDENTIALS_FILE; AWS_CONFIG_FILE = $env:AWS_CONFIG_FILE }
        $ini = Join-Path $TestDrive 'euca2ools.ini'
        Set-Content $ini "[region localhost]`nec2-url = http://127.0.0.1:8773/services/compute`n[region staging]`nec2-url = https://staging.example.com:8773/services/compute`n[region *]`nuser = admin`n[user admin]`nkey-id = AK`n[user dev]`nkey-id = AK2"
        $credentials = Join-Path $TestDrive 'credentials'
        Set-Content $credentials "[default]`naws_access_key_id = A`n[eucalyptus]`naws_access_key_id = B"
        $config = Join-Path $TestDrive 'config'
        Set-Content $config "[default]`nregion = eucalyptus`n[profile staging]`nregion = eucalyptus"
        $env:EUCA_CONFIG_PATH = $ini; $env:AWS_SHARED_CREDENTIALS_FILE = $credentials; $env:AWS_CONFIG_FILE = $config
    }

    AfterAll {
        foreach ($name in $saved.Keys) { Set-Item "env:$name" -Value $saved[$name] -ErrorAction SilentlyContinue; if (-not $saved[$name]) { Remove-Item "env:$name" -ErrorAction SilentlyContinue } }
    }

    It 'completes -Region with every USER@REGION, the compute URL in the tooltip' {
        $offered = @(Get-Completion 'Connect-EucaCloud -Region ')
        $offered.ListItemText | Should -Be @('admin@localhost', 'dev@localhost', 'admin@staging', 'dev@staging')
        ($offered | Where-Object ListItemText -eq 'admin@staging').ToolTip | Should -Match 'staging\.example\.com'
        (Get-Completion 'Connect-EucaCloud -Region dev@s').ListItemText | Should -Be 'dev@staging'
    }

    It 'completes -ProfileName with the profiles of the AWS credentials and config files' {
        (Get-Completion 'Connect-EucaCloud -ProfileName ').CompletionText | Should -Be @('default', 'eucalyptus', 'staging')
    }
}
