# Helpers for build.ps1: version, dotnet invocation, module manifest stamping, layout checks, test result summaries.

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Invoke-DotNet {
    <# Runs dotnet with the given arguments and throws on a non-zero exit. #>
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed (exit $LASTEXITCODE)" }
}

function Get-EucaVersion {
    <# The one version number, from Directory.Build.props (it also stamps every assembly). #>
    param([Parameter(Mandatory)] [string] $RepoRoot)
    $props = [xml](Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props'))
    $version = $props.Project.PropertyGroup | ForEach-Object { $_.PSObject.Properties['EucaImagesVersion'] } |
        Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'EucaImagesVersion is missing from Directory.Build.props' }
    $version.Value
}

function Write-ModuleManifest {
    <# Copies the source manifest into the module folder with the version filled in. #>
    param([string] $Source, [string] $Destination, [string] $Version)
    $text = (Get-Content -Raw $Source).Replace('{{ModuleVersion}}', $Version)
    if ($text.Contains('{{')) { throw "Unreplaced placeholder left in $Source" }
    Set-Content -Path $Destination -Value $text -Encoding utf8NoBOM -NoNewline
}

function Assert-ModuleLayout {
    <#
    Fails the build unless the module folder is exactly what the load-context design needs: the cmdlet assembly alone
    at the root, the engine and every dependency under Dependencies/.
    #>
    param([Parameter(Mandatory)] [string] $ModuleDir)
    $expectedRoot = @('Dependencies', 'en-US', 'Euca.Images.dll', 'Euca.Images.psd1', 'Formats')
    $actualRoot = @(Get-ChildItem $ModuleDir | ForEach-Object Name | Sort-Object)
    $difference = Compare-Object $expectedRoot $actualRoot
    if ($difference) { throw "Unexpected module root content: $($difference | Out-String)" }

    $dependencies = Join-Path $ModuleDir 'Dependencies'
    foreach ($required in 'Euca.Images.Engine.dll', 'AWSSDK.Core.dll', 'AWSSDK.EC2.dll', 'AWSSDK.S3.dll', 'BouncyCastle.Cryptography.dll') {
        if (-not (Test-Path (Join-Path $dependencies $required))) { throw "Dependencies/$required is missing" }
    }
    if (Test-Path (Join-Path $dependencies 'Euca.Images.dll')) { throw 'The cmdlet assembly must not be in Dependencies/' }
    if (-not (Test-Path (Join-Path $ModuleDir 'en-US/Euca.Images.dll-Help.xml'))) { throw 'Help file is missing' }
    if (-not (Test-Path (Join-Path $ModuleDir 'en-US/about_Euca.Images.help.txt'))) { throw 'The about_Euca.Images topic is missing' }
    if (-not (Test-Path (Join-Path $ModuleDir 'en-US/about_Euca.Images_Unattended.help.txt'))) { throw 'The about_Euca.Images_Unattended topic is missing' }
    $manifest = Import-PowerShellDataFile (Join-Path $ModuleDir 'Euca.Images.psd1')
    foreach ($format in $manifest.FormatsToProcess) {
        if (-not (Test-Path (Join-Path $ModuleDir $format))) { throw "Format file $format is missing" }
    }
}

function Write-ErrorIdTopic {
    <#
    Writes about_Euca.Images_Errors from the error-id catalogue's doc comments (each says when the error happens and
    how to recover), so the topic lists exactly the ids the module can raise.
    #>
    param([Parameter(Mandatory)] [string] $EngineXmlDocPath, [Parameter(Mandatory)] [string] $Destination)
    $prefix = 'F:Euca.Images.Engine.Errors.ErrorIds.'
    $entries = ([xml](Get-Content -Raw $EngineXmlDocPath)).doc.members.member | Where-Object { $_.name.StartsWith($prefix) } |
        ForEach-Object { [pscustomobject]@{ Id = $_.name.Substring($prefix.Length); Text = ($_.SelectSingleNode('summary').InnerText -replace '\s+', ' ').Trim() } } |
        Sort-Object Id
    if (-not $entries) { throw "No error ids documented in $EngineXmlDocPath" }
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.AddRange([string[]]@('TOPIC', '    about_Euca.Images_Errors', '', 'SHORT DESCRIPTION',
        '    Every error id Euca.Images raises: when it happens and how to recover.', '', 'LONG DESCRIPTION',
        '    An error''s id is the first part of its FullyQualifiedErrorId:', '',
        '        $Error[0].FullyQualifiedErrorId', '',
        '    Its TargetObject names the resource, file or setting it is about. The ids', '    are stable: scripts may test them.', ''))
    foreach ($entry in $entries) {
        $lines.Add("    $($entry.Id)")
        $lines.AddRange([string[]](Split-TextLine -Text $entry.Text -Width 72 | ForEach-Object { "        $_" }))
        $lines.Add('')
    }
    $lines.AddRange([string[]]@('SEE ALSO', '    about_Euca.Images'))
    Set-Content -Path $Destination -Value $lines -Encoding utf8NoBOM
}

function Split-TextLine([string] $Text, [int] $Width) {
    $line = ''
    foreach ($word in $Text -split ' ') {
        if ($line -and ($line.Length + 1 + $word.Length) -gt $Width) { $line; $line = $word }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $line }
}

function Get-TestProject {
    <# Every xunit project under tests/. #>
    param([Parameter(Mandatory)] [string] $RepoRoot)
    Get-ChildItem (Join-Path $RepoRoot 'tests') -Recurse -Filter '*.csproj' |
        Where-Object { (Get-Content -Raw $_.FullName) -match '<IsTestProject>true</IsTestProject>' } |
        Sort-Object Name | ForEach-Object FullName
}

function Restore-TestTools {
    <# Pester and the second AWSSDK.Core build come from NuGet through a tools project (no PowerShell Gallery here). #>
    param([Parameter(Mandatory)] [string] $RepoRoot)
    Invoke-DotNet restore (Join-Path $RepoRoot 'tests/tools/Euca.Images.TestTools.csproj') --nologo -v quiet
}

function Get-NuGetPackagesFolder {
    $line = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals failed' }
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Read-TrxSummary {
    <# Counts from a VSTest TRX file; a missing file after a failed run counts as one failure. #>
    param([string] $Path, [string] $Suite, [int] $ExitCode)
    if (-not (Test-Path $Path)) {
        return [pscustomobject]@{ Suite = $Suite; Passed = 0; Failed = 1; Skipped = 0 }
    }
    $counters = ([xml](Get-Content -Raw $Path)).TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    if ($ExitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{
        Suite = $Suite; Passed = [int]$counters.passed; Failed = $failed
        Skipped = [int]$counters.notExecuted
    }
}

function Read-PesterSummary {
    param([string] $Path, [int] $ExitCode)
    if (-not (Test-Path $Path)) {
        return [pscustomobject]@{ Suite = 'Pester'; Passed = 0; Failed = 1; Skipped = 0 }
    }
    $result = Get-Content -Raw $Path | ConvertFrom-Json
    $failed = [int]$result.Failed
    if ($ExitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Suite = 'Pester'; Passed = [int]$result.Passed; Failed = $failed; Skipped = [int]$result.Skipped }
}

Export-ModuleMember -Function Invoke-DotNet, Get-EucaVersion, Write-ModuleManifest, Write-ErrorIdTopic, Assert-ModuleLayout, Get-TestProject,
    Restore-TestTools, Get-NuGetPackagesFolder, Read-TrxSummary, Read-PesterSummary
