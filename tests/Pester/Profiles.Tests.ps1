# Stored connection profiles (Set-EucaCredential -StoreAs, Get-EucaCredential, Remove-EucaCredentialProfile), the
# per-call -ProfileName and -Region of every cloud cmdlet, connections that do not become the session's default, what
# Get-EucaCloud returns, and -Debug under -NonInteractive.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    # Profiles go to $XDG_CONFIG_HOME/euca-images/profiles: a folder of this test run, never the user's own.
    $script:savedXdg = $env:XDG_CONFIG_HOME
    $env:XDG_CONFIG_HOME = Join-Path $TestDrive 'config'
    $script:profileFolder = Join-Path $TestDrive 'config/euca-images/profiles'

    $script:keys = Get-EucaLocalCloudDefaults
    $script:cloud = Start-EucaLocalCloud
    $script:connect = @{ ComputeUrl = $cloud.Url; AccessKey = $keys.UserAccessKey; SecretKey = $keys.UserSecretKey; AccountId = $keys.UserAccountId }
}

AfterAll {
    Disconnect-EucaCloud
    $env:XDG_CONFIG_HOME = $savedXdg
    Remove-Item Function:Get-Secret -ErrorAction Ignore
    $cloud | Stop-EucaTestServer
}

Describe 'Stored profiles' -Tags 'CI' {
    It 'saves the session''s connection with its secret key in an owner-only file, and lists where it lives' {
        Connect-EucaCloud @connect -CertificateAuthority (Join-Path $keys.CertificateDirectory 'cloud-cert.pem')
        Set-EucaCredential -StoreAs nightly
        $profile = Get-EucaCredential -ListProfileDetail | Where-Object Name -eq 'nightly'
        $profile.AccessKey | Should -Be $keys.UserAccessKey
        $profile.ComputeUrl | Should -Be ([string]$cloud.Url)
        $profile.Settings['CertificateAuthorityPath'] | Should -Be (Join-Path $keys.CertificateDirectory 'cloud-cert.pem')
        $profile.Location | Should -Be (Join-Path $profileFolder 'nightly.json')
        $profile.SecretStorage | Should -BeLike 'file readable by its owner only, mode 0600*'
        [Convert]::ToString([int](Get-Item $profile.Location).UnixFileMode, 8) | Should -Be '600'
        ($profile | Format-Table | Out-String) | Should -Match 'nightly'
        ($profile | Out-String) | Should -Not -Match ([regex]::Escape($keys.UserSecretKey))
    }

    It 'connects any cloud cmdlet with -ProfileName for one call, whatever the session''s connection is' {
        Connect-EucaCloud -ComputeUrl 'http://127.0.0.1:9/services/compute' -AccessKey 'AKIWRONG' -SecretKey 'wrong'
        $images = Get-EucaImage -ProfileName nightly -ExecutableBy all
        $images.Count | Should -BeGreaterThan 0
        (Get-EucaCloud).AccessKey | Should -Be 'AKIWRONG'
    }

    It 'connects Connect-EucaCloud with -ProfileName, and Get-EucaCloud shows where each setting came from' {
        $connection = Connect-EucaCloud -ProfileName nightly -PassThru
        $connection.ComputeUrl | Should -Be $cloud.Url
        $shown = Get-EucaCloud
        $shown.AccessKey | Should -Be $keys.UserAccessKey
        $shown.Sources['AccessKey'] | Should -Be "stored profile 'nightly' ($(Join-Path $profileFolder 'nightly.json'))"
        $shown.Sources['SecretKey'] | Should -BeLike "stored profile 'nightly' (file readable by its owner only*"
        ($shown | Out-String) | Should -Match 'AccessKey: stored profile'
    }

    It 'refuses a profile file that others can read' {
        $file = Join-Path $profileFolder 'nightly.json'
        Set-ItemProperty $file -Name UnixFileMode -Value '0644'
        try { { Get-EucaImage -ProfileName nightly } | Should -Throw -ErrorId 'CloudProfileUnprotected*' }
        finally { Set-ItemProperty $file -Name UnixFileMode -Value '0600' }
    }

    It 'reads the secret key of a vault profile through Get-Secret at connect time' {
        # A stand-in for SecretManagement's Get-Secret: the module calls it only for profiles that name a secret.
        $global:secretCalls = @()
        $global:vaultKey = $keys.UserSecretKey
        function global:Get-Secret { param($Name, $Vault, [switch] $AsPlainText) $global:secretCalls += "$Name@$Vault"; $global:vaultKey }

        Connect-EucaCloud @connect -PassThru -NoDefault | Set-EucaCredential -StoreAs vaulted -SecretName euca-nightly -Vault TestVault
        Get-Content (Join-Path $profileFolder 'vaulted.json') -Raw | Should -Not -Match ([regex]::Escape($keys.UserSecretKey))
        (Get-EucaCredential -ProfileName vaulted).SecretStorage | Should -Be "SecretManagement secret 'euca-nightly' in vault 'TestVault'"

        (Get-EucaImage -ProfileName vaulted -ExecutableBy all).Count | Should -BeGreaterThan 0
        $global:secretCalls | Should -Be @('euca-nightly@TestVault')
    }

    It 'says what is missing when a vault profile is used without SecretManagement' {
        Remove-Item Function:Get-Secret
        Get-Command Get-Secret -ErrorAction Ignore | Should -BeNullOrEmpty
        { Get-EucaImage -ProfileName vaulted } | Should -Throw -ErrorId 'CloudProfileSecretUnavailable*'
    }

    It 'removes profiles, and an unknown name is its own error' {
        Remove-EucaCredentialProfile -ProfileName vaulted, nosuch -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CloudProfileNotFound*'
        $failures[0].TargetObject | Should -Be 'nosuch'
        Test-Path (Join-Path $profileFolder 'vaulted.json') | Should -BeFalse
        { Get-EucaCredential -ProfileName vaulted } | Should -Throw -ErrorId 'CloudProfileNotFound*'
        (Get-EucaCredential).Name | Should -Be @('nightly')
    }
}

Describe 'Connections that do not become the session''s default' -Tags 'CI' {
    It 'Connect-EucaCloud -NoDefault returns a connection and leaves the default alone' {
        Connect-EucaCloud @connect
        $other = Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.AdminAccessKey -SecretKey $keys.AdminSecretKey -NoDefault
        $other.AccessKey | Should -Be $keys.AdminAccessKey
        (Get-EucaCloud).AccessKey | Should -Be $keys.UserAccessKey
        # Both work side by side, each as its own account.
        (Get-EucaImage -Connection $other -Owner self).OwnerId | Select-Object -Unique | Should -Be '000000000001'
        (Get-EucaImage -Owner self).OwnerId | Select-Object -Unique | Should -Be $keys.UserAccountId
    }
}

Describe 'Per-call -Region (USER@REGION)' -Tags 'CI' {
    BeforeAll {
        $script:savedHome = $env:HOME
        $env:HOME = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory (Join-Path $env:HOME '.euca') -Force
        @"
[user dev]
key-id = $($keys.UserAccessKey)
secret-key = $($keys.UserSecretKey)
account-id = $($keys.UserAccountId)

[region lab]
ec2-url = $($cloud.Url)
"@ | Set-Content (Join-Path $env:HOME '.euca/lab.ini')
    }

    AfterAll { $env:HOME = $savedHome }

    It 'resolves the euca2ools region for one call' {
        Connect-EucaCloud -ComputeUrl 'http://127.0.0.1:9/services/compute' -AccessKey 'AKIWRONG' -SecretKey 'wrong'
        (Get-EucaImage -Region dev@lab -ExecutableBy all).Count | Should -BeGreaterThan 0
        (Get-EucaCloud -Region dev@lab).Sources['AccessKey'] | Should -BeLike '*lab.ini*'
    }
}

Describe '-Debug and where settings came from' -Tags 'CI' {
    It 'never prompts under -NonInteractive, even with the debug preference Windows PowerShell''s -Debug sets' {
        $script = "Import-Module '$(Get-TestModulePath)'; `$DebugPreference = 'Inquire'; " +
            "(Get-EucaImage -ExecutableBy all -Verbose 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] -and `$_.Message -like 'ComputeUrl from environment EC2_URL*' }).Count"
        $run = Invoke-ChildPwsh -Script $script -Environment @{ EC2_URL = $cloud.Url; AWS_ACCESS_KEY_ID = $keys.UserAccessKey; AWS_SECRET_ACCESS_KEY = $keys.UserSecretKey }
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output[-1] | Should -Be '1'
    }
}
