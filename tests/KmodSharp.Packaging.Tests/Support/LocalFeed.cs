namespace KmodSharp.Packaging.Tests.Support;

/// <summary>The NuGet configuration of a test project: KmodSharp packages from the locally packed feed only, the rest from nuget.org.</summary>
internal static class LocalFeed
{
    public static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local"><package pattern="KmodSharp.*" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}
