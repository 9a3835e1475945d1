<#
.SYNOPSIS
Writes the module's MAML help file from the cmdlets' metadata and their XML doc comments.

.DESCRIPTION
platyPS is not available here, so the cmdlet classes' XML doc comments are the single source of help text:
  <summary>            the synopsis
  <remarks>            the description (one <para> per paragraph)
  <example>            one example each: <title>, <code>, then <para> remarks
  <seealso cref>       a RELATED LINKS entry: the cmdlet that class implements (the compiler checks the class exists)
  <seealso href>       a RELATED LINKS entry naming an about_ topic, which must be shipped beside the help file
  parameter <summary>  the parameter's description
Syntax, positions, pipeline input, wildcards, aliases and types come from the loaded cmdlets themselves, so the help
can never disagree with the code. A cmdlet or parameter without text, or a cmdlet without related links, fails the
build.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $XmlDocPath,
    [Parameter(Mandatory)] [string] $Destination
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$module = Import-Module $ModuleManifest -PassThru
$docs = @{}
foreach ($member in ([xml](Get-Content -Raw $XmlDocPath)).doc.members.member) { $docs[$member.name] = $member }
# Links are written as the classes' doc ids and shown as the cmdlets' names, so a renamed cmdlet cannot leave a stale link.
$cmdletNamesByDocId = @{}
foreach ($cmdlet in Get-Command -Module $module.Name -CommandType Cmdlet) { $cmdletNamesByDocId["T:$($cmdlet.ImplementingType.FullName)"] = $cmdlet.Name }
$commonParameters = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
    [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name

$ns = @{
    maml = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
New-Item -ItemType Directory -Force -Path (Split-Path $Destination) | Out-Null
$writer = [System.Xml.XmlWriter]::Create($Destination, $settings)

function Get-DocText([System.Xml.XmlNode] $node) {
    # Flattens <c>, <see cref>, <paramref> into plain text and folds the source's line breaks.
    if ($null -eq $node) { return '' }
    $clone = $node.CloneNode($true)
    foreach ($see in @($clone.SelectNodes('.//see|.//paramref|.//typeparamref'))) {
        $text = if ($see.Attributes['cref']) { ($see.cref -replace '^\w:', '').Split('.')[-1] } else { $see.GetAttribute('name') }
        $see.ParentNode.ReplaceChild($clone.OwnerDocument.CreateTextNode($text), $see) | Out-Null
    }
    ($clone.InnerText -replace '\s+', ' ').Trim()
}

function Get-Paragraphs([System.Xml.XmlNode] $node) {
    if ($null -eq $node) { return @() }
    $paras = @($node.SelectNodes('para'))
    if ($paras.Count -eq 0) { return @(Get-DocText $node) }
    $paras | ForEach-Object { Get-DocText $_ }
}

function Write-Paras([string[]] $paragraphs) {
    foreach ($paragraph in $paragraphs) { $writer.WriteElementString('maml', 'para', $ns.maml, $paragraph) }
}

function Get-ParameterDoc($command, [string] $name) {
    $property = $command.ImplementingType.GetProperty($name)
    $key = "P:$($property.DeclaringType.FullName).$name"
    $text = Get-DocText $docs[$key]?.SelectSingleNode('summary')
    if (-not $text) { throw "$($command.Name): parameter -$name has no <summary> doc comment ($key)" }
    $text
}

function Get-RelatedLinks($command, [System.Xml.XmlNode] $typeDoc) {
    $links = foreach ($seeAlso in @($typeDoc.SelectNodes('seealso'))) {
        if ($seeAlso.Attributes['cref']) {
            $name = $cmdletNamesByDocId[$seeAlso.cref]
            if (-not $name) { throw "$($command.Name): <seealso cref=`"$($seeAlso.cref)`"/> is not a cmdlet of the module" }
            $name
        }
        else {
            $topic = $seeAlso.GetAttribute('href')
            if (-not (Test-Path (Join-Path (Split-Path $Destination) "$topic.help.txt"))) { throw "$($command.Name): <seealso href=`"$topic`"/> is not a shipped about_ topic" }
            $topic
        }
    }
    if (-not $links) { throw "$($command.Name) needs <seealso> entries for its neighbours in the workflow (RELATED LINKS)" }
    $links
}

function Get-PipelineText($parameter) {
    $kinds = @()
    if ($parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter($command, $parameter, [string] $typeName, [bool] $required, [string] $position) {
    $writer.WriteStartElement('command', 'parameter', $ns.command)
    $writer.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $writer.WriteAttributeString('variableLength', 'true')
    $writer.WriteAttributeString('globbing', $parameter.Globbing.ToString().ToLowerInvariant())
    $writer.WriteAttributeString('pipelineInput', $parameter.PipelineText)
    $writer.WriteAttributeString('position', $position)
    $writer.WriteAttributeString('aliases', $(if ($parameter.Aliases) { $parameter.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('maml', 'name', $ns.maml, $parameter.Name)
    $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Paras @($parameter.Doc); $writer.WriteEndElement()
    if ($typeName -ne 'SwitchParameter') {
        $writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $writer.WriteAttributeString('required', 'true'); $writer.WriteAttributeString('variableLength', 'false')
        $writer.WriteString($typeName); $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $typeName); $writer.WriteEndElement()
    $writer.WriteElementString('dev', 'defaultValue', $ns.dev, 'None')
    $writer.WriteEndElement()
}

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')

foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $typeDoc = $docs["T:$($command.ImplementingType.FullName)"]
    if (-not $typeDoc) { throw "$($command.Name) has no XML doc comment" }
    $synopsis = Get-DocText $typeDoc.SelectSingleNode('summary')
    $description = @(Get-Paragraphs $typeDoc.SelectSingleNode('remarks'))
    $examples = @($typeDoc.SelectNodes('example'))
    if (-not $synopsis -or -not $description) { throw "$($command.Name) needs <summary> and <remarks>" }
    if ($examples.Count -lt 2) { throw "$($command.Name) needs at least two <example> entries" }

    # Visible, non-common parameters with their doc text, in declaration order.
    $parameters = [ordered]@{}
    foreach ($parameter in $command.Parameters.Values) {
        if ($commonParameters -contains $parameter.Name) { continue }
        $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        if ($attributes | Where-Object DontShow) { continue }
        $parameters[$parameter.Name] = [pscustomobject]@{
            Name = $parameter.Name
            Aliases = @($parameter.Aliases)
            TypeName = $parameter.ParameterType.Name
            Doc = Get-ParameterDoc $command $parameter.Name
            PipelineText = Get-PipelineText ($attributes | Select-Object -First 1)
            Required = [bool]($attributes | Where-Object Mandatory)
            Globbing = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        }
    }

    $writer.WriteStartElement('command', 'command', $ns.command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $writer.WriteStartElement('command', 'details', $ns.command)
    $writer.WriteElementString('command', 'name', $ns.command, $command.Name)
    $writer.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $writer.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Paras @($synopsis); $writer.WriteEndElement()
    $writer.WriteEndElement()
    $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Paras $description; $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $writer.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        foreach ($setParameter in $set.Parameters) {
            if (-not $parameters.Contains($setParameter.Name)) { continue }
            $position = if ($setParameter.Position -ge 0) { "$($setParameter.Position)" } else { 'named' }
            Write-Parameter $command $parameters[$setParameter.Name] $setParameter.ParameterType.Name $setParameter.IsMandatory $position
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $parameters.Values) {
        # Count, not truthiness: @(0) is false in PowerShell, which once made every position 0 read "named".
        $positions = @($command.ParameterSets.Parameters | Where-Object Name -eq $parameter.Name | ForEach-Object Position | Where-Object { $_ -ge 0 })
        $position = if ($positions.Count -gt 0) { "$($positions[0])" } else { 'named' }
        Write-Parameter $command $parameter $parameter.TypeName $parameter.Required $position
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'inputTypes', $ns.command)
    foreach ($parameter in $parameters.Values | Where-Object PipelineText -ne 'False') {
        $writer.WriteStartElement('command', 'inputType', $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $parameter.TypeName); $writer.WriteEndElement()
        $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Paras @("Binds to -$($parameter.Name).") ; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($outputType in $command.OutputType) {
        $writer.WriteStartElement('command', 'returnValue', $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('maml', 'name', $ns.maml, $outputType.Name); $writer.WriteEndElement()
        $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Paras @(''); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'examples', $ns.command)
    $index = 0
    foreach ($example in $examples) {
        $index++
        $code = (($example.SelectSingleNode('code').InnerText -split "`n" | ForEach-Object { $_.Trim() }) -join "`n").Trim()
        $writer.WriteStartElement('command', 'example', $ns.command)
        $writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- Example $($index): $(Get-DocText $example.SelectSingleNode('title')) --------------------------")
        $writer.WriteElementString('dev', 'code', $ns.dev, $code)
        $writer.WriteStartElement('dev', 'remarks', $ns.dev); Write-Paras @(Get-Paragraphs $example); $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in Get-RelatedLinks $command $typeDoc) {
        $writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $writer.WriteElementString('maml', 'linkText', $ns.maml, $link)
        $writer.WriteElementString('maml', 'uri', $ns.maml, '')
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()
