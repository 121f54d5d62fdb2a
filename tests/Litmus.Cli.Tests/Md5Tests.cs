using System.Security.Cryptography;
using Litmus.Cli.Output;

namespace Litmus.Cli.Tests;

/// <summary>The hash herd's test hash is built from: our MD5 against the platform's, across the padding's edge cases.</summary>
public class Md5Tests
{
    [Fact]
    public void Digests_equal_the_platforms_for_every_length_up_to_three_blocks()
    {
        var random = new Random(7);
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
#pragma warning disable CA5351 // the reference the test compares with
            Assert.Equal(Convert.ToHexString(MD5.HashData(data)), Convert.ToHexString(Md5.Hash(data)));
#pragma warning restore CA5351
        }
    }

    [Fact]
    public void The_rfc_examples_hash_as_published()
    {
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", Convert.ToHexStringLower(Md5.Hash(""u8)));
        Assert.Equal("9e107d9d372bb6826bd81d3542a419d6", Convert.ToHexStringLower(Md5.Hash("The quick brown fox jumps over the lazy dog"u8)));
    }
}
