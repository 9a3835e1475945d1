using System;
using System.Collections.Generic;
using System.IO;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>A throw-away fake machine: home, /etc, current and temp directories under one temp root.</summary>
    internal sealed class TestMachine : IDisposable
    {
        public TestMachine()
        {
            Root = Path.Combine(Path.GetTempPath(), "euca-config-test-" + Guid.NewGuid().ToString("N"));
            Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
            Etc = Directory.CreateDirectory(Path.Combine(Root, "etc")).FullName;
            Work = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
            Temp = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
        }

        public string Root { get; }

        public string Home { get; }

        public string Etc { get; }

        public string Work { get; }

        public string Temp { get; }

        public Dictionary<string, string> Variables { get; } = new Dictionary<string, string>();

        public ConfigurationEnvironment Environment => new ConfigurationEnvironment(Variables, Home, Etc, Work, Temp);

        public string Write(string relativePath, string content)
        {
            var path = Path.Combine(Root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content.Replace("\r\n", "\n"));
            return path;
        }

        public CloudSettings Resolve(CloudSettingsRequest? request = null)
        {
            request ??= new CloudSettingsRequest();
            request.Environment = Environment;
            return CloudSettingsResolver.Resolve(request);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
