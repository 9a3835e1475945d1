# Source manifest. build.ps1 fills in the version (from Directory.Build.props, shared with the assemblies) and
# writes the importable copy to out/Euca.Images/Euca.Images.psd1.
@{
    RootModule           = 'Euca.Images.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '6f0d3c61-2b8e-4c7a-9a55-6d7e3f1c2b90'
    Author               = 'Euca.Images contributors'
    CompanyName          = 'Euca.Images contributors'
    Copyright            = '(c) Euca.Images contributors'
    Description          = 'Create, upload, register and manage machine images (EMIs, EKIs, ERIs; instance-store bundles and EBS-backed images) on a Eucalyptus cloud.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # The AWS SDK v4 needs .NET Framework 4.7.2 on Windows PowerShell.
    DotNetFrameworkVersion = '4.7.2'
    # Never list dependencies in RequiredAssemblies: they would load into the default context before the module's
    # initializer can isolate them (see src/Euca.Images/Loading).
    FormatsToProcess     = @(
        'Formats/Bundles.Format.ps1xml'
        'Formats/Cloud.Format.ps1xml'
        'Formats/DiskImages.Format.ps1xml'
        'Formats/Export.Format.ps1xml'
        'Formats/Images.Format.ps1xml'
        'Formats/Import.Format.ps1xml'
        'Formats/Instances.Format.ps1xml'
        'Formats/Migration.Format.ps1xml'
        'Formats/Storage.Format.ps1xml'
        'Formats/Tags.Format.ps1xml'
        'Formats/Volumes.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Connect-EucaCloud'
        'Convert-EucaBundleManifest'
        'ConvertTo-EucaRawImage'
        'Copy-EucaImage'
        'Disconnect-EucaCloud'
        'Edit-EucaImageAttribute'
        'Expand-EucaBundle'
        'Export-EucaImage'
        'Get-EucaBundleManifest'
        'Get-EucaBundleTask'
        'Get-EucaCloud'
        'Get-EucaConversionTask'
        'Get-EucaCredential'
        'Get-EucaDiskImage'
        'Get-EucaImage'
        'Get-EucaImageAttribute'
        'Get-EucaInstance'
        'Get-EucaSnapshot'
        'Get-EucaTag'
        'Get-EucaVolume'
        'Import-EucaInstance'
        'Import-EucaVolume'
        'Install-EucaImage'
        'New-EucaBundle'
        'New-EucaEbsImage'
        'New-EucaImage'
        'New-EucaInstanceBundle'
        'New-EucaSnapshot'
        'New-EucaTag'
        'Register-EucaImage'
        'Remove-EucaBundle'
        'Remove-EucaCredentialProfile'
        'Remove-EucaSnapshot'
        'Remove-EucaTag'
        'Remove-EucaVolume'
        'Reset-EucaImageAttribute'
        'Resume-EucaImport'
        'Save-EucaBundle'
        'Send-EucaBundle'
        'Set-EucaCredential'
        'Stop-EucaBundleTask'
        'Stop-EucaConversionTask'
        'Test-EucaBundle'
        'Unregister-EucaImage'
        'Wait-EucaBundleTask'
        'Wait-EucaConversionTask'
        'Wait-EucaImage'
        'Wait-EucaSnapshot'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Eucalyptus', 'EMI', 'Image', 'Bundle', 'EC2', 'Cloud', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux')
        }
    }
}
