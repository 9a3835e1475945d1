using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Euca.Images.Engine.Tests.Architecture
{
    /// <summary>
    /// Every type a compiled type refers to, read from its IL: base type, interfaces, fields, properties, method
    /// signatures, locals, the operands of method bodies (so fully qualified names and lambdas count, not only
    /// using directives) and attributes. Generic arguments, arrays and by-ref types are unwrapped.
    /// </summary>
    internal static class TypeReferenceCollector
    {
        public static IEnumerable<TypeReference> ReferencedBy(TypeDefinition type)
        {
            var found = new List<TypeReference>();
            if (type.BaseType != null) Add(found, type.BaseType);
            foreach (InterfaceImplementation implemented in type.Interfaces) Add(found, implemented.InterfaceType);
            AddAttributes(found, type.CustomAttributes);
            foreach (FieldDefinition field in type.Fields)
            {
                Add(found, field.FieldType);
                AddAttributes(found, field.CustomAttributes);
            }

            foreach (PropertyDefinition property in type.Properties)
            {
                Add(found, property.PropertyType);
                AddAttributes(found, property.CustomAttributes);
            }

            foreach (MethodDefinition method in type.Methods)
            {
                AddMethod(found, method);
            }

            return found;
        }

        private static void AddMethod(List<TypeReference> found, MethodDefinition method)
        {
            Add(found, method.ReturnType);
            foreach (ParameterDefinition parameter in method.Parameters) Add(found, parameter.ParameterType);
            AddAttributes(found, method.CustomAttributes);
            if (!method.HasBody)
            {
                return;
            }

            foreach (VariableDefinition local in method.Body.Variables) Add(found, local.VariableType);
            foreach (Instruction instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference typeOperand:
                        Add(found, typeOperand);
                        break;
                    case MethodReference called:
                        Add(found, called.DeclaringType);
                        Add(found, called.ReturnType);
                        foreach (ParameterDefinition parameter in called.Parameters) Add(found, parameter.ParameterType);
                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (TypeReference argument in generic.GenericArguments) Add(found, argument);
                        }

                        break;
                    case FieldReference field:
                        Add(found, field.DeclaringType);
                        Add(found, field.FieldType);
                        break;
                }
            }
        }

        private static void AddAttributes(List<TypeReference> found, IEnumerable<CustomAttribute> attributes)
        {
            foreach (CustomAttribute attribute in attributes)
            {
                Add(found, attribute.AttributeType);
                foreach (CustomAttributeArgument argument in attribute.ConstructorArguments) Add(found, argument.Type);
            }
        }

        private static void Add(List<TypeReference> found, TypeReference? type)
        {
            switch (type)
            {
                case null:
                case GenericParameter _:
                    return;
                case GenericInstanceType generic:
                    Add(found, generic.ElementType);
                    foreach (TypeReference argument in generic.GenericArguments) Add(found, argument);
                    return;
                case TypeSpecification specification:
                    Add(found, specification.ElementType);
                    return;
                default:
                    found.Add(type);
                    return;
            }
        }

        /// <summary>The namespace a type lives in; a nested type's is its outermost declaring type's.</summary>
        public static string NamespaceOf(TypeReference type)
        {
            while (type.DeclaringType != null) type = type.DeclaringType;
            return type.Namespace;
        }

        /// <summary>Every type of the module, nested ones (closures, state machines) included.</summary>
        public static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module) =>
            module.Types.SelectMany(Flatten);

        private static IEnumerable<TypeDefinition> Flatten(TypeDefinition type) =>
            new[] { type }.Concat(type.NestedTypes.SelectMany(Flatten));
    }
}
