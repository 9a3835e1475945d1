# TLS settings of Connect-EucaCloud (default verification, -CertificateAuthority, -SkipCertificateCheck) against the
# local cloud serving HTTPS. The certificates are made with openssl into the test drive on every run.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    function Invoke-OpenSsl {
        & openssl @args 2>&1 | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "openssl $($args -join ' ') failed (exit $LASTEXITCODE)" }
    }

    if (-not (Get-Command openssl -ErrorAction SilentlyContinue)) { throw 'The TLS tests make their certificates with openssl; put it on PATH.' }
    $script:pki = Join-Path $TestDrive 'pki'
    New-Item -ItemType Directory -Path $pki | Out-Null
    $script:files = @{}
    foreach ($name in 'ca', 'ca-key', 'server', 'server-key', 'other-ca', 'other-ca-key', 'wrong-host', 'wrong-host-key') {
        $files[$name] = Join-Path $pki "$name.pem"
    }
    $csr = Join-Path $pki 'server.csr'
    $extensions = Join-Path $pki 'server.ext'
    # The test CA and a server certificate it signs for the IP address the local cloud listens on.
    Invoke-OpenSsl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Euca.Images Test CA' -keyout $files['ca-key'] -out $files['ca'] `
        -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign'
    Invoke-OpenSsl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' -keyout $files['server-key'] -out $csr
    Set-Content -Path $extensions -Value @(
        'subjectAltName=IP:127.0.0.1'
        'basicConstraints=critical,CA:FALSE'
        'keyUsage=critical,digitalSignature,keyEncipherment'
        'extendedKeyUsage=serverAuth'
    )
    Invoke-OpenSsl x509 -req -in $csr -CA $files['ca'] -CAkey $files['ca-key'] -set_serial 2 -days 2 -extfile $extensions -out $files['server']
    # A CA that signed nothing here, and a self-signed certificate for another host name.
    Invoke-OpenSsl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Unrelated Test CA' -keyout $files['other-ca-key'] -out $files['other-ca']
    Invoke-OpenSsl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=wrong.example' -keyout $files['wrong-host-key'] -out $files['wrong-host'] `
        -addext 'subjectAltName=DNS:wrong.example'

    $script:cloud = Start-EucaLocalCloud -TlsCertificate $files['server'] -TlsKey $files['server-key']
    $script:wrongHostCloud = Start-EucaLocalCloud -TlsCertificate $files['wrong-host'] -TlsKey $files['wrong-host-key']
    $script:keys = Get-EucaLocalCloudDefaults
    $script:keyArgs = @{ AccessKey = $keys.UserAccessKey; SecretKey = $keys.UserSecretKey }

    # Connects as -PassThru does, then lists the images: the first request that checks the certificate.
    function Get-ImagesOver {
        param([string] $Url, [hashtable] $Tls = @{})
        $connection = Connect-EucaCloud -ComputeUrl $Url @keyArgs @Tls -PassThru -WarningAction SilentlyContinue
        Get-EucaImage -Connection $connection
    }

    function Get-ErrorRecordOf([scriptblock] $Action) {
        try { & $Action } catch { return $_ }
        throw 'The call did not fail.'
    }
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $wrongHostCloud | Stop-EucaTestServer
}

Describe 'TLS certificate verification' -Tags 'CI' {
    It 'serves HTTPS from the local cloud' {
        $cloud.Url | Should -BeLike 'https://127.0.0.1:*/'
        $wrongHostCloud.Url | Should -BeLike 'https://127.0.0.1:*/'
    }

    It 'rejects a certificate from a CA the machine does not trust, and says how to fix it' {
        $errorRecord = Get-ErrorRecordOf { Get-ImagesOver $cloud.Url }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'CloudCertificateUntrusted,*'
        $errorRecord.CategoryInfo.Category | Should -Be 'SecurityError'
        $errorRecord.TargetObject | Should -Be ([uri]$cloud.Url)
        $errorRecord.Exception.Message | Should -Match ([regex]::Escape($cloud.Url))
        $errorRecord.Exception.Message | Should -Match '-CertificateAuthority'
        $errorRecord.Exception.Message | Should -Match '-SkipCertificateCheck'
    }

    It 'accepts the certificate with -CertificateAuthority naming the CA that signed it' {
        $images = Get-ImagesOver $cloud.Url @{ CertificateAuthority = $files['ca'] }
        $images.ImageId | Should -Contain 'emi-5a6b7c8d'
    }

    It 'rejects the certificate when -CertificateAuthority names an unrelated CA' {
        $errorRecord = Get-ErrorRecordOf { Get-ImagesOver $cloud.Url @{ CertificateAuthority = $files['other-ca'] } }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'CloudCertificateUntrusted,*'
        $errorRecord.Exception.Message | Should -Match ([regex]::Escape($files['other-ca']))
    }

    It 'rejects a certificate for another host name even when it is itself the given CA' {
        # The self-signed certificate is its own CA, so only the host name (127.0.0.1 is not wrong.example) is wrong.
        $errorRecord = Get-ErrorRecordOf { Get-ImagesOver $wrongHostCloud.Url @{ CertificateAuthority = $files['wrong-host'] } }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'CloudCertificateUntrusted,*'
        $errorRecord.Exception.Message | Should -Match "host name '127\.0\.0\.1'"
    }

    It 'rejects a certificate for another host name without -CertificateAuthority' {
        $errorRecord = Get-ErrorRecordOf { Get-ImagesOver $wrongHostCloud.Url }
        $errorRecord.FullyQualifiedErrorId | Should -BeLike 'CloudCertificateUntrusted,*'
    }

    It 'accepts any certificate with -SkipCertificateCheck (<Case>)' -TestCases @(
        @{ Case = 'CA unknown to the machine'; Server = 'cloud'; Tls = @{} }
        @{ Case = 'unrelated CA given'; Server = 'cloud'; Tls = @{ CertificateAuthority = 'other-ca' } }
        @{ Case = 'wrong host name'; Server = 'wrongHostCloud'; Tls = @{} }
    ) {
        param($Case, $Server, $Tls)
        $url = if ($Server -eq 'cloud') { $cloud.Url } else { $wrongHostCloud.Url }
        $options = @{ SkipCertificateCheck = $true }
        if ($Tls['CertificateAuthority']) { $options.CertificateAuthority = $files[$Tls['CertificateAuthority']] }
        $images = Get-ImagesOver $url $options
        $images.ImageId | Should -Contain 'emi-5a6b7c8d'
    }
}

Describe 'The -SkipCertificateCheck warning' -Tags 'CI' {
    AfterEach { Disconnect-EucaCloud }

    It 'is written once per connection, naming the endpoint' {
        Connect-EucaCloud -ComputeUrl $cloud.Url @keyArgs -SkipCertificateCheck -WarningVariable connectWarnings -WarningAction SilentlyContinue
        $null = Get-EucaImage -WarningVariable useWarnings -WarningAction SilentlyContinue
        $null = Get-EucaImage -ImageId emi-5a6b7c8d -WarningVariable +useWarnings -WarningAction SilentlyContinue
        @($connectWarnings).Count | Should -Be 1
        "$connectWarnings" | Should -BeLike "TLS certificate checks are off for $($cloud.Url)*"
        @($useWarnings).Count | Should -Be 0
    }

    It 'is not written when certificates are checked' {
        Connect-EucaCloud -ComputeUrl $cloud.Url @keyArgs -CertificateAuthority $files['ca'] -WarningVariable connectWarnings -WarningAction SilentlyContinue
        $null = Get-EucaImage -WarningVariable +connectWarnings -WarningAction SilentlyContinue
        @($connectWarnings).Count | Should -Be 0
    }

    It 'is not written for plain HTTP endpoints, where the switch changes nothing' {
        Connect-EucaCloud -ComputeUrl 'http://127.0.0.1:8773/services/compute' @keyArgs -SkipCertificateCheck -WarningVariable connectWarnings -WarningAction SilentlyContinue
        @($connectWarnings).Count | Should -Be 0
    }
}

Describe 'TLS diagnostics' -Tags 'CI' {
    AfterEach { Disconnect-EucaCloud }

    It 'never writes the secret key to the verbose and debug streams or the errors' {
        # Where each setting came from is verbose output (the module writes no debug messages, so -Debug never prompts).
        $records = & {
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            Connect-EucaCloud -ComputeUrl $cloud.Url @keyArgs -CertificateAuthority $files['ca']
            Get-EucaImage
            Connect-EucaCloud -ComputeUrl $cloud.Url @keyArgs -CertificateAuthority $files['other-ca']
            try { Get-EucaImage } catch { $_ | Format-List * -Force; $_.Exception | Format-List * -Force }
        } 5>&1 4>&1 | Out-String -Width 400
        $records | Should -Match 'CertificateAuthorityPath from parameter'
        $records | Should -Match 'CloudCertificateUntrusted'
        $records | Should -Not -Match ([regex]::Escape($keys.UserSecretKey))
    }
}
