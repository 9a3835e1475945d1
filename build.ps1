<#
.SYNOPSIS
Builds, tests, demonstrates and benchmarks Euca.Images.

.DESCRIPTION
Build  (default) leaves an importable module at out/Euca.Images/Euca.Images.psd1 and checks its layout.
Test   builds, runs the xunit suites and the Pester suites (against a local cloud and s3rver that it starts and
       stops), prints one line "N passed, N failed" for the whole run and exits non-zero on any failure.
Demo   builds, starts the local cloud and object storage on 127.0.0.1, and runs the main job through the module.
Bench  builds and runs the benchmarks, reporting ratios against baselines measured in the same run.

Run it with the repository's PowerShell tool: dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Arguments passed through to the benchmark program (for example '--size-mib', '256').
    [string[]] $BenchArguments = @()
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Import-Module (Join-Path $PSScriptRoot 'src/BuildTools/EucaBuild.psm1') -Force

$OutDir = Join-Path $PSScriptRoot 'out'
$ModuleDir = Join-Path $OutDir 'Euca.Images'

function Invoke-BuildTask {
    $version = Get-EucaVersion -RepoRoot $PSScriptRoot
    Write-Host "Building Euca.Images $version ($Configuration)"
    Invoke-DotNet build (Join-Path $PSScriptRoot 'Euca.Images.sln') -c $Configuration --nologo -v quiet

    $staging = Join-Path $OutDir 'staging'
    Remove-Item -Recurse -Force $ModuleDir, $staging -ErrorAction SilentlyContinue
    Invoke-DotNet publish (Join-Path $PSScriptRoot 'src/Euca.Images.Engine') -c $Configuration --no-build --nologo -v quiet -o (Join-Path $staging 'engine')

    $dependencies = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleDir 'Dependencies')
    Copy-Item (Join-Path $staging 'engine/*.dll') $dependencies
    $cmdletBin = Join-Path $PSScriptRoot "src/Euca.Images/bin/$Configuration/netstandard2.0"
    Copy-Item (Join-Path $cmdletBin 'Euca.Images.dll') $ModuleDir
    Copy-Item -Recurse (Join-Path $PSScriptRoot 'src/Euca.Images/Formats') $ModuleDir
    # About topics (en-US/about_*.help.txt) sit beside the generated MAML help.
    Copy-Item -Recurse (Join-Path $PSScriptRoot 'src/Euca.Images/en-US') $ModuleDir
    Write-ModuleManifest -Source (Join-Path $PSScriptRoot 'Euca.Images.psd1') -Destination (Join-Path $ModuleDir 'Euca.Images.psd1') -Version $version

    # Help is generated from the cmdlets' XML doc comments in a child process, so this session never loads the
    # module (a loaded binary module cannot be unloaded and would lock its files on Windows).
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'src/BuildTools/Export-MamlHelp.ps1') `
        -ModuleManifest (Join-Path $ModuleDir 'Euca.Images.psd1') -XmlDocPath (Join-Path $cmdletBin 'Euca.Images.xml') `
        -Destination (Join-Path $ModuleDir 'en-US/Euca.Images.dll-Help.xml')
    if ($LASTEXITCODE -ne 0) { throw "Help generation failed (exit $LASTEXITCODE)" }

    Assert-ModuleLayout -ModuleDir $ModuleDir
    Write-Host "Module ready: $([IO.Path]::GetRelativePath($PSScriptRoot, (Join-Path $ModuleDir 'Euca.Images.psd1')))"
}

function Invoke-TestTask {
    Invoke-BuildTask
    $results = Join-Path $OutDir 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $results | Out-Null

    # The xunit storage tests start s3rver themselves: its packages must be there on a fresh clone.
    Import-Module (Join-Path $PSScriptRoot 'tests/servers/EucaTestServers.psm1') -Force
    Install-EucaTestServerPackages

    $summaries = [System.Collections.Generic.List[object]]::new()
    foreach ($project in Get-TestProject -RepoRoot $PSScriptRoot) {
        $name = [IO.Path]::GetFileNameWithoutExtension($project)
        Write-Host "`n=== xunit: $name"
        & dotnet test $project -c $Configuration --no-build --nologo `
            --logger "trx;LogFileName=$name.trx" --logger 'console;verbosity=minimal' --results-directory $results | Out-RepoRelative
        $summaries.Add((Read-TrxSummary -Path (Join-Path $results "$name.trx") -Suite $name -ExitCode $LASTEXITCODE))
    }

    Write-Host "`n=== Pester"
    Restore-TestTools -RepoRoot $PSScriptRoot
    $pesterResult = Join-Path $results 'pester.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'tests/Pester/Invoke-PesterSuite.ps1') `
        -ModuleManifest (Join-Path $ModuleDir 'Euca.Images.psd1') -ResultPath $pesterResult | Out-RepoRelative
    $summaries.Add((Read-PesterSummary -Path $pesterResult -ExitCode $LASTEXITCODE))

    Write-Host ''
    $summaries | Format-Table Suite, Passed, Failed, Skipped -AutoSize | Out-Host
    $passed = ($summaries | Measure-Object Passed -Sum).Sum
    $failed = ($summaries | Measure-Object Failed -Sum).Sum
    $skipped = ($summaries | Measure-Object Skipped -Sum).Sum
    $line = "$passed passed, $failed failed"
    if ($skipped) { $line += ", $skipped skipped" }
    Write-Host $line
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

# Test tools print absolute paths; the log of a run shows them relative to the clone, which says the same without
# naming the machine's folders.
function Out-RepoRelative {
    process { Out-Host -InputObject ("$_".Replace($PSScriptRoot + [IO.Path]::DirectorySeparatorChar, '.' + [IO.Path]::DirectorySeparatorChar)) }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'tests/Demo/Invoke-Demo.ps1') `
        -ModuleManifest (Join-Path $ModuleDir 'Euca.Images.psd1') | Out-RepoRelative
    if ($LASTEXITCODE -ne 0) { throw "Demo failed (exit $LASTEXITCODE)" }
}

function Invoke-BenchTask {
    Invoke-BuildTask
    $bench = Join-Path $PSScriptRoot 'tests/Euca.Images.Bench'
    & dotnet run -c Release --project $bench --no-build -- @BenchArguments
    if ($LASTEXITCODE -ne 0) { throw "Benchmarks failed (exit $LASTEXITCODE)" }
}

Push-Location $PSScriptRoot
try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Bench' { Invoke-BenchTask }
    }
}
finally {
    Pop-Location
}
