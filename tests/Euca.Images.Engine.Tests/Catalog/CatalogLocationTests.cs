using System;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    /// <summary>Where the catalog is: -Uri, then EUSTORE_URL, then eustore-url in the euca2ools configuration, then the published default.</summary>
    public sealed class CatalogLocationTests
    {
        [Fact]
        public void WithNothingSetItIsThePublishedEucalyptusImagesCatalog()
        {
            using var machine = new TestMachine();

            CatalogLocation location = CatalogLocation.Find(null, machine.Environment);

            Assert.Equal(new Uri(CatalogLocation.DefaultUrl), location.Uri);
        }

        [Fact]
        public void TheParameterWinsOverEverySetting()
        {
            using var machine = new TestMachine();
            machine.Variables["EUSTORE_URL"] = "http://env.example.org/catalog.json";
            machine.Write("home/.euca/global.ini", "[global]\neustore-url = http://ini.example.org/catalog.json\n");

            CatalogLocation location = CatalogLocation.Find("http://param.example.org/catalog.json", machine.Environment);

            Assert.Equal(new Uri("http://param.example.org/catalog.json"), location.Uri);
            Assert.Equal("parameter -Uri", location.Origin);
        }

        [Fact]
        public void EustoreUrlWinsOverTheConfiguration()
        {
            using var machine = new TestMachine();
            machine.Variables["EUSTORE_URL"] = "http://env.example.org/catalog.json";
            machine.Write("home/.euca/global.ini", "[global]\neustore-url = http://ini.example.org/catalog.json\n");

            CatalogLocation location = CatalogLocation.Find(null, machine.Environment);

            Assert.Equal(new Uri("http://env.example.org/catalog.json"), location.Uri);
        }

        [Fact]
        public void TheSelectedRegionsEustoreUrlWinsOverTheGlobalOne()
        {
            using var machine = new TestMachine();
            string file = machine.Write("home/.euca/euca2ools.ini",
                "[global]\ndefault-region = cloud1\neustore-url = http://global.example.org/catalog.json\n\n[region cloud1]\neustore-url = http://region.example.org/catalog.json\n");

            CatalogLocation location = CatalogLocation.Find(null, machine.Environment);
            machine.Variables["EUCA_DEFAULT_REGION"] = "other";
            CatalogLocation otherRegion = CatalogLocation.Find(null, machine.Environment);

            Assert.Equal(new Uri("http://region.example.org/catalog.json"), location.Uri);
            Assert.Equal($"euca2ools.ini [region cloud1] 'eustore-url' ({file})", location.Origin);
            Assert.Equal(new Uri("http://global.example.org/catalog.json"), otherRegion.Uri);
        }

        [Fact]
        public void TheLocationIsShownWithoutItsPassword()
        {
            using var machine = new TestMachine();
            machine.Variables["EUSTORE_URL"] = "https://reader:hunter2secret@mirror.example.org/eustore/";

            CatalogLocation location = CatalogLocation.Find(null, machine.Environment);

            Assert.Equal("https://mirror.example.org/eustore/catalog", location.Display);
        }

        [Theory]
        [InlineData("http://emis.example.org/", "http://emis.example.org/catalog")]
        [InlineData("http://emis.example.org", "http://emis.example.org/catalog")]
        [InlineData("http://mirror.example.org/eustore/", "http://mirror.example.org/eustore/catalog")]
        [InlineData("http://mirror.example.org/eustore/catalog", "http://mirror.example.org/eustore/catalog")]
        [InlineData("https://mirror.example.org/images/image-catalog.json", "https://mirror.example.org/images/image-catalog.json")]
        public void AnEustoreBaseUrlGetsCatalogAppendedAndAFullUrlIsTakenAsItIs(string given, string expected)
        {
            using var machine = new TestMachine();
            machine.Variables["EUSTORE_URL"] = given;

            Assert.Equal(new Uri(expected), CatalogLocation.Find(null, machine.Environment).Uri);
        }

        [Theory]
        [InlineData("ftp://example.org/catalog")]
        [InlineData("not a url")]
        [InlineData("catalog.json")]
        public void ALocationThatIsNotAnHttpHttpsOrFileUrlIsRefused(string given)
        {
            using var machine = new TestMachine();
            machine.Variables["EUSTORE_URL"] = given;

            var error = Assert.Throws<EucaException>(() => CatalogLocation.Find(null, machine.Environment));

            Assert.Equal(ErrorIds.CatalogUriInvalid.Name, error.ErrorId);
            Assert.Contains("EUSTORE_URL", error.Message);
        }
    }
}
