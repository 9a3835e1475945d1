# The module's shape: manifest, exports, layout and help for every cmdlet.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-PowerShellDataFile (Get-TestModulePath)
    $script:cmdlets = $manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:modulePath = Get-TestModulePath
    $script:moduleDir = Split-Path $modulePath
    $script:module = Import-Module $modulePath -PassThru -Force

    # Every cmdlet class the built DLL defines, by the name its [Cmdlet] attribute gives it.
    function Get-ImplementedCmdlet {
        $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Euca.Images' } | Select-Object -First 1
        $assembly.GetTypes() | ForEach-Object {
            $attribute = [System.Attribute]::GetCustomAttribute($_, [System.Management.Automation.CmdletAttribute])
            if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
        }
    }

    # The names one list has and the other lacks; nothing when they agree.
    function Compare-CmdletList([string[]] $Listed, [string[]] $Implemented) {
        Compare-Object -ReferenceObject $Implemented -DifferenceObject $Listed |
            ForEach-Object { if ($_.SideIndicator -eq '<=') { "$($_.InputObject) is missing from CmdletsToExport" } else { "$($_.InputObject) is listed but not implemented" } }
    }
}

Describe 'Module manifest' -Tags 'CI' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest $modulePath
        $info.Name | Should -Be 'Euca.Images'
    }

    It 'carries the version of Directory.Build.props, shared with the assemblies' {
        $props = [xml](Get-Content -Raw (Join-Path (Get-RepoRoot) 'Directory.Build.props'))
        $expected = @($props.Project.PropertyGroup.EucaImagesVersion | Where-Object { $_ })[0]
        $module.Version.ToString() | Should -Be $expected
        $engine = Join-Path $moduleDir 'Dependencies/Euca.Images.Engine.dll'
        [System.Reflection.AssemblyName]::GetAssemblyName($engine).Version.ToString() | Should -Be "$expected.0"
        [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $moduleDir 'Euca.Images.dll')).Version.ToString() | Should -Be "$expected.0"
    }

    It 'declares both editions and PowerShell 5.1' {
        $data = Import-PowerShellDataFile $modulePath
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.RequiredAssemblies | Should -BeNullOrEmpty
    }

    It 'lists every cmdlet the DLL implements, and nothing else' {
        $implemented = @(Get-ImplementedCmdlet)
        $implemented.Count | Should -BeGreaterThan 30
        Compare-CmdletList (Import-PowerShellDataFile $modulePath).CmdletsToExport $implemented | Should -BeNullOrEmpty
    }

    It 'would name a cmdlet left out of the manifest' {
        $listed = (Import-PowerShellDataFile $modulePath).CmdletsToExport | Where-Object { $_ -ne 'Get-EucaVolume' }
        Compare-CmdletList $listed (Get-ImplementedCmdlet) | Should -Be 'Get-EucaVolume is missing from CmdletsToExport'
    }

    It 'exports exactly the cmdlets it lists' {
        $exported = Get-Command -Module Euca.Images | ForEach-Object Name | Sort-Object
        $listed = (Import-PowerShellDataFile $modulePath).CmdletsToExport | Sort-Object
        $exported | Should -Be $listed
    }

    It 'has format views only for types that exist' {
        # A view for a type that was moved or renamed silently stops applying.
        $engine = (Get-Command Get-EucaImage).OutputType[0].Type.Assembly
        $viewed = Get-ChildItem (Join-Path $moduleDir 'Formats') -Filter *.ps1xml |
            ForEach-Object { ([xml](Get-Content -Raw $_.FullName)).SelectNodes('//TypeName') } | ForEach-Object InnerText
        @($viewed).Count | Should -BeGreaterThan 10
        $missing = $viewed | Where-Object { -not $engine.GetType($_) }
        $missing | Should -BeNullOrEmpty -Because 'every view must name a type of the engine'
    }

    It 'keeps every AWS SDK assembly out of the module root' {
        Get-ChildItem $moduleDir -Filter '*.dll' | ForEach-Object Name | Should -Be @('Euca.Images.dll')
        Join-Path $moduleDir 'Dependencies/AWSSDK.Core.dll' | Should -Exist
        Join-Path $moduleDir 'Dependencies/Euca.Images.Engine.dll' | Should -Exist
    }
}

Describe 'Help for <Name>' -Tags 'CI' -ForEach $cmdlets {
    BeforeAll {
        $script:help = Get-Help $Name -Full
        $script:command = Get-Command $Name
    }

    It 'has a written synopsis and description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without a help file PowerShell makes the synopsis from the syntax; a real one never starts with the name.
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))"
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
            [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name
        $visible = $command.Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
        foreach ($parameter in $visible) {
            $entry = $help.parameters.parameter | Where-Object Name -eq $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) must be in the help"
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }

    It 'shows each parameter at the position the cmdlet binds it' {
        # Get-Help -Parameter reads the help file; the binder reads the cmdlet's metadata. They must agree.
        foreach ($parameter in $help.parameters.parameter) {
            $positions = @($command.Parameters[$parameter.name].ParameterSets.Values.Position | Where-Object { $_ -ge 0 })
            $expected = if ($positions.Count -gt 0) { "$($positions[0])" } else { 'named' }
            (Get-Help $Name -Parameter $parameter.name).position | Should -Be $expected -Because "-$($parameter.name) of $Name"
        }
    }

    It 'links to its neighbours in the workflow, each an existing cmdlet or a shipped about_ topic' {
        $links = @($help.relatedLinks.navigationLink.linkText | ForEach-Object Trim)
        @($links | Where-Object { $_ -notlike 'about_*' }).Count | Should -BeGreaterThan 0
        foreach ($link in $links) {
            if ($link -like 'about_*') { Join-Path $moduleDir "en-US/$link.help.txt" | Should -Exist }
            else { Get-Command $link -Module Euca.Images -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$link is linked from $Name" }
        }
    }

    It 'has at least two examples with code' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) { $example.code | Should -Not -BeNullOrEmpty }
    }

    It 'declares its output type unless it emits nothing' {
        if ($Name -notin 'Disconnect-EucaCloud', 'Remove-EucaBundle', 'Remove-EucaCredentialProfile', 'Remove-EucaSnapshot', 'Remove-EucaTag', 'Remove-EucaVolume', 'Unregister-EucaImage') {
            $command.OutputType | Should -Not -BeNullOrEmpty
        }
    }

    It 'has a default view for every type it emits' {
        foreach ($type in $command.OutputType | Where-Object { $_.Type -and $_.Type.Namespace -like 'Euca.Images*' }) {
            Get-FormatData -TypeName $type.Type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.Type.FullName) needs a view"
        }
    }
}

Describe 'About topics' -Tags 'CI' {
    It 'ships <_> and Get-Help shows it' -ForEach 'about_Euca.Images', 'about_Euca.Images_Bundles', 'about_Euca.Images_Import', 'about_Euca.Images_Errors' {
        Join-Path $moduleDir "en-US/$_.help.txt" | Should -Exist
        (Get-Help $_ | Out-String) | Should -Match ([regex]::Escape("TOPIC`n    $_").Replace('\n', '\r?\n'))
    }

    It 'explains image kinds, virtualization, backing, settings order and errors in about_Euca.Images' {
        $text = Get-Content -Raw (Join-Path $moduleDir 'en-US/about_Euca.Images.help.txt')
        foreach ($heading in 'EMI, EKI AND ERI', 'HVM AND PARAVIRTUAL', 'INSTANCE-STORE AND EBS-BACKED', 'WHERE SETTINGS COME FROM, AND IN WHICH ORDER', 'ERRORS AND HOW TO RECOVER') {
            $text | Should -Match ([regex]::Escape($heading))
        }
    }

    It 'names only error ids the module can raise' {
        $catalogue = Get-Content -Raw (Join-Path $moduleDir 'en-US/about_Euca.Images_Errors.help.txt')
        $named = [regex]::Matches((Get-Content -Raw (Join-Path $moduleDir 'en-US/about_Euca.Images.help.txt')), '(?m)^ {8}([A-Z][A-Za-z]+)\b(?=\s)') | ForEach-Object { $_.Groups[1].Value }
        @($named).Count | Should -BeGreaterOrEqual 4
        foreach ($id in $named) { $catalogue | Should -Match "(?m)^    $id\r?$" -Because "$id is named in about_Euca.Images" }
    }

    It 'lists every error id of the catalogue with when it happens and how to recover' {
        $engine = (Get-Command Get-EucaImage).OutputType[0].Type.Assembly
        $ids = $engine.GetType('Euca.Images.Engine.Errors.ErrorIds').GetFields() | ForEach-Object Name
        $text = Get-Content -Raw (Join-Path $moduleDir 'en-US/about_Euca.Images_Errors.help.txt')
        @($ids).Count | Should -BeGreaterThan 100
        foreach ($id in $ids) { $text | Should -Match "(?m)^    $id\r?\n {8}\S" -Because "$id needs its entry" }
    }
}
