using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Platform;

public sealed class AssetTests : TestBase
{
    [Fact]
    public void The_suite_runs_against_the_asset_its_project_names()
    {
#if THREADKIT_NETSTANDARD_ASSET
        Asset.FrameworkName.Should().Be(".NETStandard,Version=v2.0");
#else
        Asset.FrameworkName.Should().Be(".NETCoreApp,Version=v10.0");
#endif
    }
}
