using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Euca.Images.Engine.Tests.Architecture
{
    /// <summary>One use of a type of another area that the rules do not allow.</summary>
    internal sealed record AreaViolation(string FromArea, string FromType, string ToArea, string ToType)
    {
        public override string ToString() => $"{FromArea} -> {ToArea}: {FromType} uses {ToType}";
    }

    /// <summary>Checks every type of a module against <see cref="AreaRules"/>.</summary>
    internal static class AreaDependencyChecker
    {
        /// <summary>Namespaces under <paramref name="root"/> that no area of the rules covers.</summary>
        public static IReadOnlyList<string> UnmappedNamespaces(ModuleDefinition module, string root, AreaRules rules) =>
            TypeReferenceCollector.AllTypes(module)
                .Select(TypeReferenceCollector.NamespaceOf)
                .Where(ns => ns.StartsWith(root, System.StringComparison.Ordinal) && rules.AreaOf(ns, root) == null)
                .Distinct()
                .OrderBy(ns => ns, System.StringComparer.Ordinal)
                .ToList();

        public static IReadOnlyList<AreaViolation> Violations(ModuleDefinition module, string root, AreaRules rules)
        {
            var violations = new List<AreaViolation>();
            foreach (TypeDefinition type in TypeReferenceCollector.AllTypes(module))
            {
                string? from = rules.AreaOf(TypeReferenceCollector.NamespaceOf(type), root);
                if (from == null) continue;
                foreach (TypeReference used in TypeReferenceCollector.ReferencedBy(type))
                {
                    string? to = rules.AreaOf(TypeReferenceCollector.NamespaceOf(used), root);
                    if (to != null && !rules.MayUse(from, to))
                    {
                        violations.Add(new AreaViolation(from, type.FullName, to, used.FullName));
                    }
                }
            }

            return violations.Distinct().OrderBy(v => v.ToString(), System.StringComparer.Ordinal).ToList();
        }
    }
}
