using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Euca.Images.Engine.Tests.Architecture
{
    /// <summary>The checker itself, on a small module built in memory: it must see uses wherever IL can hide them.</summary>
    public class AreaDependencyCheckerTests
    {
        private static readonly AreaRules Rules = AreaRules.Parse(new[]
        {
            "## Low", "May use: nothing.",
            "## Low.Words", "May use: nothing.",
            "## High", "May use: Low.",
        });

        [Fact]
        public void ReportsAFieldOfAForbiddenArea()
        {
            using ModuleDefinition module = NewModule(out TypeDefinition low, out TypeDefinition high);
            low.Fields.Add(new FieldDefinition("up", FieldAttributes.Private, high));

            var violation = Assert.Single(AreaDependencyChecker.Violations(module, "Sample", Rules));

            Assert.Equal(("Low", "High"), (violation.FromArea, violation.ToArea));
        }

        [Fact]
        public void ReportsAUseInsideAMethodBodyAndThroughAGenericArgument()
        {
            using ModuleDefinition module = NewModule(out TypeDefinition low, out TypeDefinition high);
            var method = new MethodDefinition("Make", MethodAttributes.Public | MethodAttributes.Static, module.TypeSystem.Void);
            method.Body.Variables.Add(new VariableDefinition(module.ImportReference(typeof(System.Collections.Generic.List<>)).MakeGenericInstanceType(high)));
            method.Body.GetILProcessor().Emit(OpCodes.Ret);
            low.Methods.Add(method);

            Assert.Equal("Low -> High", Assert.Single(AreaDependencyChecker.Violations(module, "Sample", Rules)).ToString().Split(':')[0]);
        }

        [Fact]
        public void AllowsDeclaredUsesAndGivesASubAreaItsOwnRules()
        {
            using ModuleDefinition module = NewModule(out TypeDefinition low, out TypeDefinition high);
            high.Fields.Add(new FieldDefinition("down", FieldAttributes.Private, low));
            var word = new TypeDefinition("Sample.Low.Words", "Word", TypeAttributes.Public | TypeAttributes.Class, module.TypeSystem.Object);
            module.Types.Add(word);
            word.Fields.Add(new FieldDefinition("owner", FieldAttributes.Private, low));

            var violation = Assert.Single(AreaDependencyChecker.Violations(module, "Sample", Rules));

            Assert.Equal(("Low.Words", "Low"), (violation.FromArea, violation.ToArea));
        }

        [Fact]
        public void FindsACycleInTheRules()
        {
            var rules = AreaRules.Parse(new[] { "## A", "May use: B.", "## B", "May use: C.", "## C", "May use: A." });

            Assert.Equal(new[] { "A", "B", "C", "A" }, rules.FindCycle());
            Assert.Null(Rules.FindCycle());
        }

        private static ModuleDefinition NewModule(out TypeDefinition low, out TypeDefinition high)
        {
            var module = ModuleDefinition.CreateModule("Sample", ModuleKind.Dll);
            low = new TypeDefinition("Sample.Low", "Base", TypeAttributes.Public | TypeAttributes.Class, module.TypeSystem.Object);
            high = new TypeDefinition("Sample.High.Detail", "Service", TypeAttributes.Public | TypeAttributes.Class, module.TypeSystem.Object);
            module.Types.Add(low);
            module.Types.Add(high);
            return module;
        }
    }
}
