# -Architecture: every cmdlet validates and completes from the engine's one list for its step.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-ArchitectureCompletion([string] $Command) {
        $script = "$Command -Architecture "
        (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText
    }
}

Describe 'Architecture lists by step' -Tags 'CI' {
    It 'completes <Command> -Architecture with what <Step> accepts' -ForEach @(
        @{ Command = 'New-EucaBundle'; Step = 'bundling'; Expected = @('i386', 'x86_64', 'armhf', 'ppc', 'ppc64', 'ppc64le') }
        @{ Command = 'Register-EucaImage'; Step = 'registration'; Expected = @('i386', 'x86_64', 'armhf') }
        @{ Command = 'Install-EucaImage'; Step = 'registration'; Expected = @('i386', 'x86_64', 'armhf') }
        @{ Command = 'New-EucaEbsImage'; Step = 'registration'; Expected = @('i386', 'x86_64', 'armhf') }
        @{ Command = 'Import-EucaInstance'; Step = 'import'; Expected = @('i386', 'x86_64') }
    ) {
        Get-ArchitectureCompletion $Command | Should -Be $Expected
    }

    It 'completes a typed prefix' {
        $script = 'New-EucaBundle -Architecture ppc6'
        (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText | Should -Be @('ppc64', 'ppc64le')
    }

    It 'refuses an architecture its step does not accept, naming the value and the accepted ones' -ForEach @(
        @{ Command = 'Register-EucaImage'; Arguments = @{ Name = 'arch-test'; ImageLocation = 'b/x.manifest.xml'; Architecture = 'ppc64' }; Accepted = 'i386, x86_64, armhf' }
        @{ Command = 'Import-EucaInstance'; Arguments = @{ Path = 'x.raw'; Bucket = 'b'; InstanceType = 'm1.small'; Platform = 'Linux'; Architecture = 'armhf' }; Accepted = 'i386, x86_64' }
        @{ Command = 'New-EucaBundle'; Arguments = @{ Path = 'x.raw'; Architecture = 'X86_64' }; Accepted = 'i386, x86_64, armhf, ppc, ppc64, ppc64le' }
    ) {
        $failure = { & $Command @Arguments -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike "ParameterArgumentValidationError,*"
        $failure.Exception.Message | Should -BeLike "*'$($Arguments.Architecture)'*"
        $failure.Exception.Message | Should -BeLike "*use $Accepted.*"
    }
}
