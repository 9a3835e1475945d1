# New-EucaBundle, Expand-EucaBundle, Test-EucaBundle and Get-EucaBundleManifest through the module, including
# interoperability with euca2ools' own bundles and with tools nobody here wrote (openssl, GNU tar, gzip).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:testData = Get-Euca2oolsTestData
    $script:keys = Join-Path $testData 'keys'
    $script:userCert = Join-Path $keys 'user-cert.pem'
    $script:userKey = Join-Path $keys 'user-key.pem'
    $script:cloudCert = Join-Path $keys 'cloud-cert.pem'
    $script:cloudKey = Join-Path $keys 'cloud-key.pem'
    $script:bundleArgs = @{
        Architecture = 'x86_64'; AccountId = '123456789012'
        Certificate = $userCert; PrivateKey = $userKey; CloudCertificate = $cloudCert
    }
    # A few hundred KiB of random data, zeros and text from a fixed seed, so failures reproduce.
    $script:image = Join-Path $TestDrive 'disk.img'
    New-TestImage -Path $image -Seed 7 -RandomBytes 200000 -ZeroBytes 300000 -TextBytes 150000
    $script:bundle = New-EucaBundle -Path $image @bundleArgs -Destination (Join-Path $TestDrive 'bundle') -PartSize 65536
}

Describe 'New-EucaBundle' -Tags 'CI' {
    It 'writes the parts and a signed manifest and describes them' {
        $bundle.Prefix | Should -Be 'disk.img'
        $bundle.ImageSize | Should -Be (Get-Item $image).Length
        $bundle.Signed | Should -BeTrue
        $bundle.ManifestPath | Should -Exist
        $bundle.Parts.Count | Should -BeGreaterThan 1
        foreach ($part in $bundle.Parts) {
            $part.Path | Should -Exist
            (Get-Item $part.Path).Length | Should -Be $part.Size
            (Get-FileHash $part.Path -Algorithm SHA1).Hash.ToLowerInvariant() | Should -Be $part.Digest
        }
        ($bundle.Parts | Measure-Object Size -Sum).Sum | Should -Be $bundle.BundledSize
    }

    It 'hashes the same tar stream euca2ools 3.4 hashes for the same image' {
        $theirs = [xml](Get-Content -Raw (Join-Path $testData 'basic/disk.img.manifest.xml'))
        $ours = New-EucaBundle -Path (Join-Path $testData 'disk.img') @bundleArgs -Destination (Join-Path $TestDrive 'golden')
        $ours.ImageDigest | Should -Be $theirs.manifest.image.digest.'#text'
        $ours.ImageSize | Should -Be ([long]$theirs.manifest.image.size)
    }

    It 'takes files from Get-ChildItem and bundles each' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'many')
        New-TestImage -Path (Join-Path $folder 'a.img') -Seed 1 -RandomBytes 1000 -ZeroBytes 1000 -TextBytes 1000
        New-TestImage -Path (Join-Path $folder 'b.img') -Seed 2 -RandomBytes 1000 -ZeroBytes 0 -TextBytes 10
        $bundles = Get-ChildItem (Join-Path $folder '*.img') | New-EucaBundle @bundleArgs -Destination (Join-Path $TestDrive 'many-out')
        $bundles.Prefix | Should -Be @('a.img', 'b.img')
    }

    It 'makes kernel bundles the euca2ools way' {
        $kernel = New-EucaBundle -Path (Join-Path $testData 'vmlinuz-test') @bundleArgs -ImageType Kernel -Destination (Join-Path $TestDrive 'kernel')
        $manifest = Get-EucaBundleManifest $kernel.ManifestPath
        $manifest.ImageType | Should -Be 'Kernel'
        $manifest.KernelId | Should -Be 'true'
    }

    It 'writes nothing with -WhatIf' {
        $target = Join-Path $TestDrive 'whatif'
        New-EucaBundle -Path $image @bundleArgs -Destination $target -WhatIf 6>$null | Should -BeNullOrEmpty
        $target | Should -Not -Exist
    }

    It 'refuses to mix with an existing bundle unless -Force' {
        { New-EucaBundle -Path $image @bundleArgs -Destination $bundle.Directory -PartSize 65536 -ErrorAction Stop } |
            Should -Throw -ErrorId 'BundleExists*'
        $again = New-EucaBundle -Path $image @bundleArgs -Destination $bundle.Directory -PartSize 65536 -Force
        $again.ImageDigest | Should -Be $bundle.ImageDigest
    }

    It 'rejects <Case> with error <ErrorId>' -ForEach @(
        @{ Case = 'a missing file'; ErrorId = 'ImageNotFound'; Arguments = @{ Path = 'no-such.img' } }
        @{ Case = 'a directory'; ErrorId = 'ImagePathIsDirectory'; Arguments = @{ LiteralPath = '.' } }
        @{ Case = 'a kernel bundle with a kernel id'; ErrorId = 'BundleKernelOptionsInvalid'; Arguments = @{ ImageType = 'Kernel'; KernelId = 'eki-12345678' } }
        @{ Case = 'a bad account id'; ErrorId = 'AccountIdInvalid'; Arguments = @{ AccountId = '12345' } }
    ) {
        $splat = $bundleArgs.Clone()
        if (-not $Arguments.ContainsKey('Path') -and -not $Arguments.ContainsKey('LiteralPath')) { $splat.Path = $image }
        foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }
        Push-Location $TestDrive
        try {
            $destination = Join-Path $TestDrive "rejected-$ErrorId"
            { New-EucaBundle @splat -Destination $destination -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId*"
            $destination | Should -Not -Exist
        }
        finally { Pop-Location }
    }

    It 'rejects an unknown architecture before doing anything' {
        { New-EucaBundle -Path $image -Architecture sparc } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'rejects a certificate without an RSA key' {
        $ecKey = Join-Path $TestDrive 'ec-key.pem'; $ecCert = Join-Path $TestDrive 'ec-cert.pem'
        & openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout $ecKey -out $ecCert -subj '/CN=ec' -days 2 2>$null
        $arguments = $bundleArgs.Clone(); $arguments.CloudCertificate = $ecCert
        { New-EucaBundle -Path $image @arguments -Destination (Join-Path $TestDrive 'ec') } | Should -Throw -ErrorId 'CertificateNotRsa*'
    }

    It 'reads an encrypted PKCS#8 key with -PrivateKeyPassword' {
        $encrypted = Join-Path $TestDrive 'user-key-encrypted.pem'
        & openssl pkcs8 -topk8 -v2 aes256 -in $userKey -out $encrypted -passout pass:s3cret
        $arguments = $bundleArgs.Clone(); $arguments.PrivateKey = $encrypted
        $password = ConvertTo-SecureString 's3cret' -AsPlainText -Force
        $signed = New-EucaBundle -Path $image @arguments -PrivateKeyPassword $password -Destination (Join-Path $TestDrive 'encrypted-key')
        (Test-EucaBundle $signed.ManifestPath -Certificate $userCert | Where-Object Check -eq 'Signature').Status | Should -Be 'Passed'
    }
}

Describe 'Expand-EucaBundle' -Tags 'CI' {
    It 'round-trips our bundle byte for byte with the <Who> key' -ForEach @(@{ Who = 'user' }, @{ Who = 'cloud' }) {
        $key = if ($Who -eq 'user') { $userKey } else { $cloudKey }
        $out = Join-Path $TestDrive "expanded-$Who"
        $result = $bundle | Expand-EucaBundle -PrivateKey $key -Destination $out
        $result.KeySource | Should -Be $(if ($Who -eq 'user') { 'User' } else { 'Cloud' })
        (Get-FileHash $result.Path).Hash | Should -Be (Get-FileHash $image).Hash
    }

    It 'expands the euca2ools bundle <Folder> with the <Who> key' -ForEach @(
        @{ Folder = 'basic'; Who = 'user'; Original = 'disk.img' }
        @{ Folder = 'basic'; Who = 'cloud'; Original = 'disk.img' }
        @{ Folder = 'emptylast'; Who = 'user'; Original = 'disk.img' }
        @{ Folder = 'kernel'; Who = 'user'; Original = 'vmlinuz-test' }
        @{ Folder = 'mapped'; Who = 'cloud'; Original = 'disk.img' }
        @{ Folder = 'unsigned'; Who = 'cloud'; Original = 'disk.img' }
    ) {
        $key = if ($Who -eq 'user') { $userKey } else { $cloudKey }
        $manifest = Get-ChildItem (Join-Path $testData $Folder) -Filter '*.manifest.xml'
        $out = Join-Path $TestDrive "euca2ools-$Folder-$Who"
        $result = Expand-EucaBundle $manifest.FullName -PrivateKey $key -Destination $out
        (Get-FileHash $result.Path).Hash | Should -Be (Get-FileHash (Join-Path $testData $Original)).Hash
    }

    It 'fails with <ErrorId> on <Case> and leaves no image behind' -ForEach @(
        @{ Case = 'a corrupt part'; ErrorId = 'BundlePartCorrupt'; Break = { param($dir) $p = Join-Path $dir 'disk.img.part.01'; $b = [IO.File]::ReadAllBytes($p); $b[100] = $b[100] -bxor 0xff; [IO.File]::WriteAllBytes($p, $b) } }
        @{ Case = 'a truncated part'; ErrorId = 'BundlePartCorrupt'; Break = { param($dir) $p = Join-Path $dir 'disk.img.part.01'; $b = [IO.File]::ReadAllBytes($p); [IO.File]::WriteAllBytes($p, $b[0..1000]) } }
        @{ Case = 'a missing part'; ErrorId = 'BundlePartMissing'; Break = { param($dir) Remove-Item -Force (Join-Path $dir 'disk.img.part.01') } }
        @{ Case = 'an extra part'; ErrorId = 'BundlePartUnexpected'; Break = { param($dir) Copy-Item (Join-Path $dir 'disk.img.part.00') (Join-Path $dir 'disk.img.part.99') } }
        @{ Case = 'a hostile manifest'; ErrorId = 'ManifestHostile'; Break = { param($dir) Set-Content (Join-Path $dir 'disk.img.manifest.xml') '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest>&x;</manifest>' } }
    ) {
        $copy = Join-Path $TestDrive "broken-$($Case -replace '\W', '-')"
        Copy-Item -Recurse (Join-Path $testData 'basic') $copy
        & $Break $copy
        $out = New-Item -ItemType Directory (Join-Path $TestDrive "out-$($Case -replace '\W', '-')")
        { Expand-EucaBundle (Join-Path $copy 'disk.img.manifest.xml') -PrivateKey $userKey -Destination $out } | Should -Throw -ErrorId "$ErrorId*"
        Get-ChildItem $out -Force | Should -BeNullOrEmpty
    }

    It 'fails with BundleKeyMismatch for a key that opens neither copy' {
        $otherKey = Join-Path $TestDrive 'other-key.pem'
        & openssl genrsa -out $otherKey 2048 2>$null
        $out = New-Item -ItemType Directory (Join-Path $TestDrive 'out-wrong-key')
        { Expand-EucaBundle $bundle.ManifestPath -PrivateKey $otherKey -Destination $out } | Should -Throw -ErrorId 'BundleKeyMismatch*'
        Get-ChildItem $out -Force | Should -BeNullOrEmpty
    }

    It 'keeps an existing image unless -Force' {
        $out = New-Item -ItemType Directory (Join-Path $TestDrive 'out-existing')
        Set-Content (Join-Path $out 'disk.img') 'keep me'
        { Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Destination $out } | Should -Throw -ErrorId 'ImageExists*'
        Get-Content (Join-Path $out 'disk.img') | Should -Be 'keep me'
        Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Destination $out -Force | Out-Null
        (Get-FileHash (Join-Path $out 'disk.img')).Hash | Should -Be (Get-FileHash $image).Hash
    }
}

Describe 'Hostile bundles and destinations (issue 11)' -Tags 'CI' {
    It 'refuses a manifest whose signature does not verify with -Certificate, before writing anything' {
        $out = New-Item -ItemType Directory (Join-Path $TestDrive 'out-wrong-signer')
        { Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Certificate $cloudCert -Destination $out } | Should -Throw -ErrorId 'ManifestSignatureInvalid*'
        Get-ChildItem $out -Force | Should -BeNullOrEmpty
        (Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Certificate $userCert -Destination $out).Path | Should -Exist
    }

    It 'says so when no certificate was known to verify the signature with' {
        $out = New-Item -ItemType Directory (Join-Path $TestDrive 'out-unverified')
        $null = Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Destination $out -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join ' ') | Should -BeLike '*signature of the manifest*was not verified*-Certificate*'
    }

    It 'refuses signed text wrapped in another element (signature wrapping) with ManifestStructureInvalid' {
        $copy = Join-Path $TestDrive 'wrapped'
        Copy-Item -Recurse (Join-Path $testData 'basic') $copy
        $manifest = Join-Path $copy 'disk.img.manifest.xml'
        $text = [IO.File]::ReadAllText($manifest)
        $start = $text.IndexOf('<machine_configuration>'); $end = $text.IndexOf('</image>') + 8
        $signed = $text.Substring($start, $end - $start)
        $forged = $signed.Replace('<size>300000</size>', '<size>300001</size>')
        [IO.File]::WriteAllText($manifest, $text.Replace($signed, "<bundler><x>$signed</x></bundler>$forged"))
        $check = Test-EucaBundle $manifest -Certificate $userCert -ErrorAction SilentlyContinue -ErrorVariable failed | Where-Object Check -eq 'Manifest'
        $check.Status | Should -Be 'Failed'
        $check.ErrorId | Should -Be 'ManifestStructureInvalid'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ManifestStructureInvalid,*'
        { Expand-EucaBundle $manifest -PrivateKey $userKey -Certificate $userCert -Destination (Join-Path $TestDrive 'out-wrapped') } | Should -Throw -ErrorId 'ManifestStructureInvalid*'
    }

    It 'gives a destination that is a file, or lies under one, its own error id' {
        $file = Join-Path $TestDrive 'a-file'
        Set-Content $file 'x'
        { Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Certificate $userCert -Destination $file } | Should -Throw -ErrorId 'DestinationInvalid*'
        { Expand-EucaBundle $bundle.ManifestPath -PrivateKey $userKey -Certificate $userCert -Destination (Join-Path $file 'below') } | Should -Throw -ErrorId 'DestinationInvalid*'
    }

    It 'refuses to sign with a private key that does not belong to the user certificate' {
        $otherKey = Join-Path $TestDrive 'not-the-users-key.pem'
        & openssl genrsa -out $otherKey 2048 2>$null
        $arguments = $bundleArgs.Clone(); $arguments.PrivateKey = $otherKey
        $destination = Join-Path $TestDrive 'mismatched'
        { New-EucaBundle -Path $image @arguments -Destination $destination -ErrorAction Stop } | Should -Throw -ErrorId 'KeyPairMismatch*'
        $destination | Should -Not -Exist
    }
}

Describe 'Test-EucaBundle and Get-EucaBundleManifest' -Tags 'CI' {
    It 'passes every check of a good bundle' {
        $checks = Test-EucaBundle $bundle.ManifestPath -Certificate $userCert -PrivateKey $userKey
        $checks | Where-Object Status -eq 'Failed' | Should -BeNullOrEmpty
        ($checks | Where-Object Check -eq 'Image').Status | Should -Be 'Passed'
        ($checks | Where-Object Check -eq 'PartDigest').Count | Should -Be $bundle.Parts.Count
        Test-EucaBundle $bundle.ManifestPath -Certificate $userCert -PrivateKey $userKey -Quiet | Should -BeTrue
    }

    It 'verifies euca2ools signatures and catches a tampered manifest' {
        $basic = Join-Path $testData 'basic/disk.img.manifest.xml'
        (Test-EucaBundle $basic -Certificate $userCert | Where-Object Check -eq 'Signature').Status | Should -Be 'Passed'
        $copy = Join-Path $TestDrive 'tampered'; Copy-Item -Recurse (Join-Path $testData 'basic') $copy
        $manifestCopy = Join-Path $copy 'disk.img.manifest.xml'
        [IO.File]::WriteAllText($manifestCopy, [IO.File]::ReadAllText($basic).Replace('x86_64', 'i386'))
        $signature = Test-EucaBundle $manifestCopy -Certificate $userCert -ErrorAction SilentlyContinue | Where-Object Check -eq 'Signature'
        $signature.Status | Should -Be 'Failed'
        $signature.ErrorId | Should -Be 'ManifestSignatureInvalid'
        Test-EucaBundle $manifestCopy -Certificate $userCert -Quiet | Should -BeFalse
    }

    It 'reads a manifest into an object that pipes on' {
        $manifest = Get-EucaBundleManifest (Join-Path $testData 'mapped/disk.img.manifest.xml')
        $manifest.KernelId | Should -Be 'eki-12345678'
        $manifest.RamdiskId | Should -Be 'eri-87654321'
        $manifest.ProductCodes | Should -Be @('abc', 'def')
        $manifest.BlockDeviceMappings.VirtualName | Should -Be @('ami', 'ephemeral0', 'root')
        ($manifest | Test-EucaBundle -Certificate $userCert | Where-Object Check -eq 'Signature').Status | Should -Be 'Passed'
    }
}

Describe 'Manifest files from Get-ChildItem, wildcards and literal paths' -Tags 'CI' {
    BeforeAll {
        # A folder of two bundles, one with brackets in its name (a wildcard pattern if not taken literally).
        $script:shelf = New-Item -ItemType Directory (Join-Path $TestDrive 'shelf')
        Copy-Item (Join-Path $bundle.Directory '*') $shelf
        $bracketed = Join-Path $TestDrive 'web[1].img'
        Copy-Item -LiteralPath $image -Destination $bracketed
        $script:bracketBundle = New-EucaBundle -LiteralPath $bracketed @bundleArgs -Destination $shelf
    }

    It 'binds files piped from Get-ChildItem through PSPath to <Name>' -ForEach @(
        @{ Name = 'Get-EucaBundleManifest'; Arguments = @{} }
        @{ Name = 'Test-EucaBundle'; Arguments = @{ Quiet = $true } }
    ) {
        $results = @(Get-ChildItem (Join-Path $shelf '*.manifest.xml') | & $Name @Arguments)
        $results.Count | Should -Be 2
        if ($Name -eq 'Test-EucaBundle') { $results | Should -Be @($true, $true) } else { $results.ImageName | Sort-Object | Should -Be @('disk.img', 'web[1].img') }
    }

    It 'expands every manifest Get-ChildItem finds' {
        $expanded = Get-ChildItem (Join-Path $shelf '*.manifest.xml') | Expand-EucaBundle -PrivateKey $userKey -Destination (Join-Path $TestDrive 'shelf-out')
        $expanded.Path | Split-Path -Leaf | Sort-Object | Should -Be @('disk.img', 'web[1].img')
    }

    It 'expands a -ManifestPath wildcard to every manifest it matches' {
        $checks = Test-EucaBundle -ManifestPath (Join-Path $shelf 'disk*.manifest.xml') -Certificate $userCert
        @($checks | Where-Object Check -eq 'Signature').Count | Should -Be 1
        (Get-EucaBundleManifest (Join-Path $shelf '*.manifest.xml')).ImageName | Sort-Object | Should -Be @('disk.img', 'web[1].img')
        (Get-Command Test-EucaBundle).Parameters.ManifestPath.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -Not -BeNullOrEmpty
        (Get-Help Test-EucaBundle -Parameter ManifestPath).globbing | Should -Be 'true'
    }

    It 'takes -LiteralPath as it is, brackets and all' {
        $literal = $bracketBundle.ManifestPath
        (Get-EucaBundleManifest -LiteralPath $literal).ImageName | Should -Be 'web[1].img'
        Test-EucaBundle -LiteralPath $literal -Certificate $userCert -Quiet | Should -BeTrue
    }
}

Describe 'A failing Test-EucaBundle' -Tags 'CI' {
    BeforeAll {
        $script:corrupt = Join-Path $TestDrive 'corrupt'
        Copy-Item -Recurse $bundle.Directory $corrupt
        $part = Join-Path $corrupt 'disk.img.part.00'
        $bytes = [IO.File]::ReadAllBytes($part); $bytes[100] = $bytes[100] -bxor 0xff; [IO.File]::WriteAllBytes($part, $bytes)
        $script:corruptManifest = Join-Path $corrupt 'disk.img.manifest.xml'
    }

    It 'writes an error per failed check with its id and target, so $? is false' {
        $checks = Test-EucaBundle $corruptManifest -Certificate $userCert -ErrorVariable failures -ErrorAction SilentlyContinue
        $succeeded = $?
        $succeeded | Should -BeFalse
        ($checks | Where-Object Status -eq 'Failed').Check | Should -Be 'PartDigest'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'BundlePartCorrupt,*'
        $failures[0].TargetObject | Should -Be 'disk.img.part.00'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'stops a script under -ErrorAction Stop' {
        { Test-EucaBundle $corruptManifest -Certificate $userCert -ErrorAction Stop } | Should -Throw -ErrorId 'BundlePartCorrupt*'
    }

    It 'with -Quiet answers $false and writes no error' {
        Test-EucaBundle $corruptManifest -Certificate $userCert -Quiet -ErrorVariable failures | Should -BeFalse
        $failures | Should -BeNullOrEmpty
    }

    It 'writes no error for a good bundle' {
        Test-EucaBundle $bundle.ManifestPath -Certificate $userCert -ErrorVariable failures | Out-Null
        $failures | Should -BeNullOrEmpty
    }
}

Describe 'Interoperability with tools nobody here wrote' -Tags 'CI' {
    It 'our bundle passes the openssl-only recipe with the <Who> key' -ForEach @(@{ Who = 'user' }, @{ Who = 'cloud' }) {
        $prefix = if ($Who -eq 'user') { 'user' } else { 'ec2' }
        $key = if ($Who -eq 'user') { $userKey } else { $cloudKey }
        $dir = $bundle.Directory
        $recipe = @"
set -euo pipefail
cd '$dir'
x() { grep -o "<`$1[^>]*>[^<]*</`$1>" disk.img.manifest.xml | head -1 | sed 's/<[^>]*>//g'; }
KEY=`$(x ${prefix}_encrypted_key | xxd -r -p | openssl pkeyutl -decrypt -inkey '$key')
IV=`$(x ${prefix}_encrypted_iv | xxd -r -p | openssl pkeyutl -decrypt -inkey '$key')
for f in `$(grep -o '<filename>[^<]*' disk.img.manifest.xml | sed 's/<filename>//'); do cat "`$f"; done |
  openssl enc -d -aes-128-cbc -K "`$KEY" -iv "`$IV" | gzip -dc > '$TestDrive/$Who-stream.tar'
echo "digest `$(sha1sum '$TestDrive/$Who-stream.tar' | cut -d' ' -f1)"
tar -xOf '$TestDrive/$Who-stream.tar' > '$TestDrive/$Who-recipe.img'
grep -o '<machine_configuration>.*</machine_configuration>' disk.img.manifest.xml | tr -d '\n' > '$TestDrive/$Who-signed'
grep -o '<image>.*</image>' disk.img.manifest.xml | tr -d '\n' >> '$TestDrive/$Who-signed'
x signature | xxd -r -p > '$TestDrive/$Who-sig'
openssl x509 -in '$userCert' -pubkey -noout > '$TestDrive/$Who-pub'
openssl dgst -sha1 -verify '$TestDrive/$Who-pub' -signature '$TestDrive/$Who-sig' '$TestDrive/$Who-signed'
"@
        $output = $recipe | & bash 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
        $output | Should -Contain "digest $($bundle.ImageDigest)"
        $output | Should -Contain 'Verified OK'
        (Get-FileHash "$TestDrive/$Who-recipe.img").Hash | Should -Be (Get-FileHash $image).Hash
    }

    It 'expands an ec2-ami-tools style bundle made with GNU tar -S, gzip and openssl' {
        $work = New-Item -ItemType Directory (Join-Path $TestDrive 'amitools')
        $script = @"
set -euo pipefail
cd '$work'
# A sparse image with more than four data regions between holes.
truncate -s 20M sparse.img
for i in 1 4 7 10 13 16; do head -c 65536 /dev/urandom | dd of=sparse.img bs=1M seek=`$i conv=notrunc status=none; done
KEY=00112233445566778899aabbccddeeff; IV=0f0e0d0c0b0a09080706050403020100
tar -c -S -h --owner 0 --group 0 -f stream.tar sparse.img
DIGEST=`$(sha1sum stream.tar | cut -d' ' -f1)
gzip -9 -c stream.tar | openssl enc -e -aes-128-cbc -K `$KEY -iv `$IV > payload
SIZE=`$(stat -c %s sparse.img); BUNDLED=`$(stat -c %s payload)
split -b 65536 -d -a 1 payload sparse.img.part.
COUNT=`$(ls sparse.img.part.* | wc -l)
# ec2-ami-tools pads the index to the digits of the part count.
if [ `$COUNT -gt 10 ]; then rm sparse.img.part.*; split -b 65536 -d -a 2 payload sparse.img.part.; fi
wrap() { printf %s "`$1" | openssl pkeyutl -encrypt -certin -inkey "`$2" | xxd -p | tr -d '\n'; }
PARTS=""; i=0
for f in `$(ls sparse.img.part.* | sort); do
  PARTS="`$PARTS<part index='`$i'><filename>`$f</filename><digest algorithm='SHA1'>`$(sha1sum `$f | cut -d' ' -f1)</digest></part>"; i=`$((i+1))
done
MC="<machine_configuration><architecture>x86_64</architecture></machine_configuration>"
IMG="<image><name>sparse.img</name><user>123456789012</user><type>machine</type><digest algorithm='SHA1'>`$DIGEST</digest><size>`$SIZE</size><bundled_size>`$BUNDLED</bundled_size><ec2_encrypted_key algorithm='AES-128-CBC'>`$(wrap `$KEY '$cloudCert')</ec2_encrypted_key><user_encrypted_key algorithm='AES-128-CBC'>`$(wrap `$KEY '$userCert')</user_encrypted_key><ec2_encrypted_iv>`$(wrap `$IV '$cloudCert')</ec2_encrypted_iv><user_encrypted_iv>`$(wrap `$IV '$userCert')</user_encrypted_iv><parts count='`$i'>`$PARTS</parts></image>"
SIG=`$(printf %s "`$MC`$IMG" | openssl dgst -sha1 -sign '$userKey' | xxd -p | tr -d '\n')
printf "%s" "<?xml version='1.0'?><manifest><version>2007-10-10</version><bundler><name>ec2-ami-tools</name><version>1.5</version><release>3</release></bundler>`$MC`$IMG<signature>`$SIG</signature></manifest>" > sparse.img.manifest.xml
rm payload stream.tar
mkdir original; mv sparse.img original/
"@
        $output = $script | & bash 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
        $manifest = Join-Path $work 'sparse.img.manifest.xml'
        Test-EucaBundle $manifest -Certificate $userCert -PrivateKey $userKey -Quiet | Should -BeTrue
        $result = Expand-EucaBundle $manifest -PrivateKey $userKey -Destination (Join-Path $work 'out')
        (Get-FileHash $result.Path).Hash | Should -Be (Get-FileHash (Join-Path $work 'original/sparse.img')).Hash
    }
}

Describe 'Progress, cancellation and inputs' -Tags 'CI' {
    BeforeAll {
        # Incompressible data keeps the compressor busy long enough to observe progress and to stop it midway.
        $script:big = Join-Path $TestDrive 'big.img'
        $bytes = [byte[]]::new(192MB); [System.Random]::new(3).NextBytes($bytes)
        [IO.File]::WriteAllBytes($big, $bytes)
        $bytes = $null

        function script:New-BundleShell([string] $Destination) {
            # One script, not a batch of statements: a stopped batch keeps running on the thread pool and touches the
            # disposed runspace, which takes the whole process down.
            $shell = [powershell]::Create()
            $arguments = $bundleArgs.Clone(); $arguments.Path = $big; $arguments.Destination = $Destination
            $null = $shell.AddScript('param($Module, $Arguments) Import-Module $Module; New-EucaBundle @Arguments').
                AddArgument((Get-TestModulePath)).AddArgument($arguments)
            $shell
        }
    }

    It 'writes progress with bytes done, rate and time remaining' {
        $shell = New-BundleShell (Join-Path $TestDrive 'progress')
        try {
            $null = $shell.Invoke()
            $shell.Streams.Error | Should -BeNullOrEmpty
            $running = @($shell.Streams.Progress | Where-Object RecordType -eq 'Processing')
            $running.Count | Should -BeGreaterThan 0
            $running[-1].StatusDescription | Should -Match '^[\d.]+ \w?i?B of 192\.0 MiB at [\d.]+ \w?i?B/s$'
            $running[-1].PercentComplete | Should -BeGreaterThan 0
            @($running | Where-Object SecondsRemaining -ge 0).Count | Should -BeGreaterThan 0
            @($shell.Streams.Progress | Where-Object RecordType -eq 'Completed').Count | Should -BeGreaterThan 0
        }
        finally { $shell.Dispose() }
    }

    It 'stops promptly on Ctrl+C and leaves no part behind' {
        $destination = Join-Path $TestDrive 'stopped'
        $shell = New-BundleShell $destination
        try {
            $pending = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ([DateTime]::UtcNow -lt $deadline -and -not (Test-Path $destination)) { Start-Sleep -Milliseconds 20 }
            Start-Sleep -Milliseconds 300
            $pending.IsCompleted | Should -BeFalse -Because 'the bundle must still be in progress when it is stopped'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            if (Test-Path $destination) { Get-ChildItem -Force $destination | Should -BeNullOrEmpty }
        }
        finally { $shell.Dispose() }
    }

    It 'rejects a device that is not a regular file' -Skip:(-not $IsLinux) {
        { New-EucaBundle -LiteralPath /dev/null @bundleArgs -Destination (Join-Path $TestDrive 'device') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageNotRegularFile*'
    }

    It 'takes certificates as X509Certificate2 objects' {
        $arguments = $bundleArgs.Clone()
        $arguments.CloudCertificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem([IO.File]::ReadAllText($cloudCert))
        $arguments.Certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem([IO.File]::ReadAllText($userCert))
        $made = New-EucaBundle -Path $image @arguments -Destination (Join-Path $TestDrive 'cert-objects')
        (Expand-EucaBundle $made.ManifestPath -PrivateKey $cloudKey -Destination (Join-Path $TestDrive 'cert-objects-out')).KeySource | Should -Be 'Cloud'
    }

    It 'makes reproducible parts with the hidden -EncryptionKey and -EncryptionIV' {
        $fixed = @{ EncryptionKey = '00112233445566778899aabbccddeeff'; EncryptionIV = '0f0e0d0c0b0a09080706050403020100' }
        $first = New-EucaBundle -Path $image @bundleArgs @fixed -Destination (Join-Path $TestDrive 'fixed-1')
        $second = New-EucaBundle -Path $image @bundleArgs @fixed -Destination (Join-Path $TestDrive 'fixed-2')
        $second.Parts.Digest | Should -Be $first.Parts.Digest
        $fresh = New-EucaBundle -Path $image @bundleArgs -Destination (Join-Path $TestDrive 'fresh')
        $fresh.Parts[0].Digest | Should -Not -Be $first.Parts[0].Digest
        (Get-Help New-EucaBundle -Full).parameters.parameter.name | Should -Not -Contain 'EncryptionKey'
        { New-EucaBundle -Path $image @bundleArgs -EncryptionKey $fixed.EncryptionKey -Destination (Join-Path $TestDrive 'half') } |
            Should -Throw -ErrorId 'EncryptionKeyIncomplete*'
    }

    It 'reports a missing part and skips decryption in Test-EucaBundle' {
        $copy = Join-Path $TestDrive 'test-missing'
        Copy-Item -Recurse $bundle.Directory $copy
        Remove-Item -Force (Join-Path $copy 'disk.img.part.01')
        $checks = Test-EucaBundle (Join-Path $copy 'disk.img.manifest.xml') -Certificate $userCert -PrivateKey $userKey -ErrorAction SilentlyContinue
        ($checks | Where-Object Check -eq 'PartPresent').ErrorId | Should -Be 'BundlePartMissing'
        ($checks | Where-Object Check -eq 'Image').Status | Should -Be 'Skipped'
    }

    It 'says which manifest could not be read' {
        { Get-EucaBundleManifest (Join-Path $TestDrive 'absent.manifest.xml') } | Should -Throw -ErrorId 'ManifestUnreadable*'
    }
}
