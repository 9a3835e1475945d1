using System;
using System.Linq;
using Euca.Images.Engine.Cloud;
using Mono.Cecil;

namespace Euca.Images.Engine.Tests.Architecture
{
    /// <summary>
    /// The engine's areas use only what src/Euca.Images.Engine/README.md allows, and the allowed uses have no
    /// cycle: a wrong using (or a fully qualified name) fails here.
    /// </summary>
    public class AreaDependencyTests
    {
        private const string EngineRoot = "Euca.Images.Engine";

        private static ModuleDefinition ReadEngine() => ModuleDefinition.ReadModule(typeof(CloudConnection).Assembly.Location);

        [Fact]
        public void EveryEngineNamespaceBelongsToAnAreaOfTheReadme()
        {
            using ModuleDefinition engine = ReadEngine();

            Assert.Empty(AreaDependencyChecker.UnmappedNamespaces(engine, EngineRoot, AreaRules.ReadEngineReadme()));
        }

        [Fact]
        public void EveryAreaOfTheReadmeExistsAndNamesOnlyAreasThatDo()
        {
            AreaRules rules = AreaRules.ReadEngineReadme();
            using ModuleDefinition engine = ReadEngine();
            var present = TypeReferenceCollector.AllTypes(engine)
                .Select(t => rules.AreaOf(TypeReferenceCollector.NamespaceOf(t), EngineRoot))
                .Where(a => a != null)
                .ToHashSet(StringComparer.Ordinal);

            Assert.Equal(rules.Allowed.Keys.OrderBy(a => a, StringComparer.Ordinal), present.OrderBy(a => a, StringComparer.Ordinal));
            Assert.All(rules.Allowed.Values.SelectMany(used => used), used => Assert.Contains(used, rules.Allowed.Keys));
        }

        [Fact]
        public void AreasUseOnlyWhatTheReadmeAllows()
        {
            using ModuleDefinition engine = ReadEngine();

            var violations = AreaDependencyChecker.Violations(engine, EngineRoot, AreaRules.ReadEngineReadme());

            Assert.True(violations.Count == 0, "Uses the engine README does not allow:\n" + string.Join("\n", violations));
        }

        [Fact]
        public void TheAllowedUsesHaveNoCycle()
        {
            var cycle = AreaRules.ReadEngineReadme().FindCycle();

            Assert.True(cycle == null, "Cycle: " + string.Join(" -> ", cycle ?? Array.Empty<string>()));
        }
    }
}
