using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Errors
{
    /// <summary>
    /// The error-id catalogue against itself and against the source: unique well-formed names, each documented,
    /// each raised somewhere, and no id created outside the catalogue.
    /// </summary>
    public class ErrorIdsTests
    {
        private static readonly Regex IdName = new Regex("^[A-Z][A-Za-z0-9]+$");

        private static IReadOnlyList<FieldInfo> Entries { get; } =
            typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(ErrorId)).ToList();

        private static IReadOnlyList<MethodInfo> Families { get; } =
            typeof(ErrorIds).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(ErrorId)).ToList();

        [Fact]
        public void EveryEntryIsAWellFormedNameEqualToItsField()
        {
            Assert.True(Entries.Count > 100, $"only {Entries.Count} entries found");
            Assert.All(Entries, f =>
            {
                string name = ((ErrorId)f.GetValue(null)!).Name;
                Assert.Equal(f.Name, name);
                Assert.Matches(IdName, name);
            });
        }

        [Fact]
        public void NoIdIsListedTwice()
        {
            var names = Entries.Select(f => ((ErrorId)f.GetValue(null)!).Name).ToList();
            Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        }

        [Fact]
        public void FamiliesBuildCloudIdsThatNoEntryCanShadow()
        {
            Assert.Equal("Cloud.InvalidAMIID.NotFound", ErrorIds.CloudService("InvalidAMIID.NotFound").Name);
            Assert.Equal("Cloud.Http418", ErrorIds.CloudHttpStatus(418).Name);
            Assert.Equal(ErrorIds.CloudService("VolumeInUse"), ErrorIds.CloudService("VolumeInUse"));
            Assert.DoesNotContain(Entries, f => f.Name.StartsWith(ErrorIds.CloudFamilyPrefix, StringComparison.Ordinal));
        }

        [Fact]
        public void EveryEntryAndFamilyIsDocumented()
        {
            string xmlPath = Path.ChangeExtension(typeof(ErrorIds).Assembly.Location, ".xml");
            var summaries = XDocument.Load(xmlPath).Descendants("member")
                .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")?.Value.Trim() ?? string.Empty);
            string type = typeof(ErrorIds).FullName!;
            var keys = Entries.Select(f => $"F:{type}.{f.Name}")
                .Concat(Families.Select(m => $"M:{type}.{m.Name}({string.Join(",", m.GetParameters().Select(p => p.ParameterType.FullName))})"));

            Assert.All(keys, key => Assert.True(summaries.TryGetValue(key, out string? text) && text.Length >= 40, $"{key} has no summary that says when and how to recover"));
        }

        [Fact]
        public void EveryEntryAndFamilyIsUsedInTheSource()
        {
            string used = string.Join("\n", SourceFiles().Where(f => !IsCatalogue(f)).Select(File.ReadAllText));

            var unused = Entries.Select(f => f.Name).Concat(Families.Select(m => m.Name)).Where(name => !Regex.IsMatch(used, $@"\bErrorIds\.{name}\b"));

            Assert.Empty(unused);
        }

        [Fact]
        public void OnlyTheCatalogueCreatesIds()
        {
            Assert.Empty(typeof(ErrorId).GetConstructors());
            Assert.Empty(SourceFiles().Where(f => !IsCatalogue(f) && File.ReadAllText(f).Contains("new ErrorId(")).Select(Path.GetFileName));
        }

        private static IEnumerable<string> SourceFiles() =>
            Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        private static bool IsCatalogue(string path) => Path.GetFileName(path).StartsWith("ErrorIds", StringComparison.Ordinal);
    }
}
