# Start-EucaOfflineCloud / Stop-EucaOfflineCloud: the user's local cloud, kept in a folder between runs, reached through
# the euca2ools .ini it writes.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaOfflineCloud.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment
    $script:folder = Join-Path $TestDrive 'sandbox'

    function Get-ServerProcess {
        @(Get-Content (Join-Path $folder 'servers.json') -Raw | ConvertFrom-Json) | ForEach-Object { Get-Process -Id $_.ProcessId -ErrorAction SilentlyContinue }
    }

    function Connect-Sandbox {
        # What a user does after Start-EucaOfflineCloud: point euca2ools-style configuration at the folder's .ini.
        $env:EUCA_CONFIG_PATH = Join-Path $folder 'euca2ools.ini'
        try { Connect-EucaCloud -Region devteam@localcloud -PassThru }
        finally { Remove-Item env:EUCA_CONFIG_PATH }
    }
}

Describe 'Start-EucaOfflineCloud and Stop-EucaOfflineCloud' -Tags 'CI' {
    # Inside the Describe: Pester empties TestDrive when the block ends, servers.json with it.
    AfterAll { Stop-EucaOfflineCloud -Path $folder -Reset }

    It 'starts both servers, describes them and writes the .ini and the environment snippets' {
        $cloud = Start-EucaOfflineCloud -Path $folder
        $cloud.ComputeUrl | Should -Match '^http://127\.0\.0\.1:\d+/services/compute$'
        $cloud.ObjectStorageUrl | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $cloud.AccessKey | Should -Be 'S3RVER'
        $cloud.CloudCertificate | Should -Exist
        $cloud.UserPrivateKey | Should -Exist
        Get-Content $cloud.Euca2oolsConfig -Raw | Should -Match ([regex]::Escape("ec2-url = $($cloud.ComputeUrl)"))
        Get-Content $cloud.ShellSnippet -Raw | Should -Match ([regex]::Escape("export EC2_URL='$($cloud.ComputeUrl)'"))
        Get-Content $cloud.PowerShellSnippet -Raw | Should -Match ([regex]::Escape("`$env:S3_URL = '$($cloud.ObjectStorageUrl)'"))
        @(Get-ServerProcess).Count | Should -Be 2
    }

    It 'refuses a second start on a folder whose cloud runs' {
        { Start-EucaOfflineCloud -Path $folder } | Should -Throw '*already running*'
    }

    It 'keeps what a script made for the next run on the same folder' {
        $connection = Connect-Sandbox
        $image = Register-EucaImage -Connection $connection -Name 'kept-offline' -SnapshotId snap-3e1d2c4b -Confirm:$false
        $first = Get-ServerProcess

        Stop-EucaOfflineCloud -Path $folder
        $first | ForEach-Object { $_.HasExited | Should -BeTrue }
        Start-EucaOfflineCloud -Path $folder | Out-Null

        (Get-EucaImage -Connection (Connect-Sandbox) -ImageId $image.ImageId).Name | Should -Be 'kept-offline'
    }

    It 'wipes the folder with -Reset, so the next start is a new cloud' {
        $running = Get-ServerProcess
        Stop-EucaOfflineCloud -Path $folder -Reset

        $running | ForEach-Object { $_.HasExited | Should -BeTrue }
        $folder | Should -Not -Exist
        Start-EucaOfflineCloud -Path $folder | Out-Null
        @(Get-EucaImage -Connection (Connect-Sandbox) -Name 'kept-offline').Count | Should -Be 0
    }
}
