# What a host shows while a large image is bundled and expanded: several progress records as the work goes, with
# percentages that rise and rates that match the work's real speed (not the gigabytes a second of a clock that started
# late, nor one record at 100 % when it is all over).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $keys = Join-Path (Get-Euca2oolsTestData) 'keys'
    $script:bundleParameters = @{
        Architecture = 'x86_64'; AccountId = '123456789012'
        Certificate = Join-Path $keys 'user-cert.pem'; PrivateKey = Join-Path $keys 'user-key.pem'
        CloudCertificate = Join-Path $keys 'cloud-cert.pem'
    }
    $script:sizeMiB = 100
    $script:image = Join-Path $TestDrive 'big.img'
    New-LargeTestFile -Path $image -SizeMiB $sizeMiB

    # The records of one bar, with the bytes done and the rate its status line shows.
    function script:Get-BarRecord($Capture, [string] $Activity) {
        foreach ($entry in $Capture.Progress | Where-Object { $_.Record.Activity -eq $Activity -and $_.Record.RecordType -ne 'Completed' }) {
            $status = $entry.Record.StatusDescription
            if ($status -notmatch '^(?<done>[\d.]+ \w+) of [\d.]+ \w+( at (?<rate>[\d.]+ \w+)/s)?$') { throw "Unexpected status '$status'" }
            [pscustomobject]@{
                Seconds = $entry.Seconds
                Percent = $entry.Record.PercentComplete
                Done    = ConvertFrom-ByteSizeText $Matches.done
                Rate    = if ($Matches.rate) { ConvertFrom-ByteSizeText $Matches.rate } else { $null }
            }
        }
    }

    function script:Assert-ProgressSequence($Records, [int] $MinimumRated, [double] $Seconds) {
        # Several records while the work runs, not one at the end - when it runs long enough for several of the four
        # a second (on an idle machine, expanding 100 MiB can take a quarter of a second: one record is all there is).
        $Records[-1].Percent | Should -Be 100
        for ($i = 1; $i -lt $Records.Count; $i++) { $Records[$i].Percent | Should -BeGreaterOrEqual $Records[$i - 1].Percent }
        if ($Seconds -ge 1) {
            @($Records).Count | Should -BeGreaterOrEqual 3
            $Records[0].Percent | Should -BeLessThan 50
            @($Records.Percent | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 3
        }

        # The rate over the whole work, as the test saw it: the first record comes when the work starts.
        $wallRate = ($sizeMiB * 1MB) / ($Records[-1].Seconds - $Records[0].Seconds + 0.5)
        $rated = @($Records | Where-Object Rate)
        # No rate is shown over the first second; work that takes longer shows one.
        $rated.Count | Should -BeGreaterOrEqual $MinimumRated
        foreach ($record in $rated) {
            # The work's clock started before the record arrived, so the rate can be no lower than this...
            $record.Rate | Should -BeGreaterOrEqual (0.9 * $record.Done / $record.Seconds)
            # ...and a clock that started late, or counted the whole run at once, shows far more than the real speed.
            $record.Rate | Should -BeLessOrEqual (3 * $wallRate)
        }
    }
}

Describe 'Progress of large work' -Tags 'CI' {
    It 'bundling 100 MiB shows rising percentages at the real rate' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $capture = Invoke-CapturingProgress -Script 'param($Path, $Destination, $Splat) New-EucaBundle -Path $Path -Destination $Destination @Splat' `
            -Parameters @{ Path = $image; Destination = (Join-Path $TestDrive 'bundle'); Splat = $bundleParameters }
        $capture.Errors | Should -BeNullOrEmpty
        $records = @(Get-BarRecord $capture 'Bundling big.img')
        Assert-ProgressSequence $records -Seconds $clock.Elapsed.TotalSeconds -MinimumRated $(if ($records[-1].Seconds - $records[0].Seconds -gt 1.5) { 1 } else { 0 })
        $script:bundle = $capture.Output[0]
    }

    It 'expanding it again shows rising percentages at the real rate' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $capture = Invoke-CapturingProgress -Script 'param($ManifestPath, $Destination, $Key) Expand-EucaBundle -ManifestPath $ManifestPath -Destination $Destination -PrivateKey $Key' `
            -Parameters @{ ManifestPath = $bundle.ManifestPath; Destination = (Join-Path $TestDrive 'expanded'); Key = $bundleParameters.PrivateKey }
        $capture.Errors | Should -BeNullOrEmpty
        $records = @(Get-BarRecord $capture 'Expanding bundle')
        Assert-ProgressSequence $records -Seconds $clock.Elapsed.TotalSeconds -MinimumRated $(if ($records[-1].Seconds - $records[0].Seconds -gt 1.5) { 1 } else { 0 })
    }
}
