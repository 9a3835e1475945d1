using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Tests.Architecture
{
    /// <summary>
    /// The engine's tests mirror its folders, keep their helpers in one place (Support) and share one naming style,
    /// so a test is found where its code is.
    /// </summary>
    public class TestLayoutTests
    {
        private const string TestRoot = "Euca.Images.Engine.Tests";
        private static readonly string[] NonMirroredAreas = { TestRoot + ".Support", TestRoot + ".Architecture" };
        private static readonly Regex PascalCase = new Regex("^[A-Z][A-Za-z0-9]*$");

        private static Type[] TestClasses() =>
            typeof(TestLayoutTests).Assembly.GetTypes()
                .Where(t => t.GetMethods().Any(IsTest))
                .ToArray();

        private static bool IsTest(MethodInfo method) =>
            method.GetCustomAttributes<FactAttribute>(inherit: true).Any();

        [Fact]
        public void EveryTestNamespaceMirrorsAnEngineNamespace()
        {
            var engineNamespaces = typeof(CloudConnection).Assembly.GetTypes().Select(t => t.Namespace).ToHashSet(StringComparer.Ordinal);

            var unmirrored = TestClasses()
                .Select(t => t.Namespace!)
                .Where(ns => !NonMirroredAreas.Contains(ns))
                .Where(ns => !engineNamespaces.Contains("Euca.Images.Engine" + ns.Substring(TestRoot.Length)))
                .Distinct()
                .ToList();

            Assert.True(unmirrored.Count == 0, "Test namespaces with no engine namespace of the same name: " + string.Join(", ", unmirrored));
        }

        [Fact]
        public void HelpersLiveInSupportAndTestClassesEndInTests()
        {
            var misplaced = typeof(TestLayoutTests).Assembly.GetTypes()
                .Where(t => t.IsPublic || t.IsNotPublic)
                .Where(t => !t.IsNested && t.Namespace != null && !t.Name.StartsWith("<", StringComparison.Ordinal))
                .Where(t => t.Namespace != TestRoot + ".Support" && t.Namespace != TestRoot + ".Architecture")
                .Where(t => !t.Name.EndsWith("Tests", StringComparison.Ordinal) && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() == null)
                .Select(t => t.FullName)
                .ToList();

            Assert.True(misplaced.Count == 0, "Helpers outside Support, or test classes not named *Tests: " + string.Join(", ", misplaced));
        }

        [Fact]
        public void TestMethodsAreNamedInPascalCaseSentences()
        {
            var badlyNamed = TestClasses()
                .SelectMany(t => t.GetMethods().Where(IsTest).Select(m => t.Name + "." + m.Name))
                .Where(name => !PascalCase.IsMatch(name.Split('.')[1]))
                .ToList();

            Assert.True(badlyNamed.Count == 0, "Test names with underscores or not in PascalCase: " + string.Join(", ", badlyNamed));
        }
    }
}
