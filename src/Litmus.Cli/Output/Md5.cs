using System.Buffers.Binary;
using System.Numerics;

namespace Litmus.Cli.Output;

/// <summary>
/// MD5 (RFC 1321), for herd's test hash only. The platform's MD5 loads OpenSSL (libssl and libcrypto) on first
/// use, which cost a one-test process about 5 ms of its 50: the kernel's scripts start one process per test.
/// </summary>
public static class Md5
{
    private static readonly uint[] K = BuildK();
    private static readonly int[] Shift =
    [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];

    // K[i] = floor(2^32 * |sin(i + 1)|), as the RFC defines the table.
    private static uint[] BuildK()
    {
        var k = new uint[64];
        for (var i = 0; i < 64; i++) k[i] = (uint)(long)Math.Floor(Math.Abs(Math.Sin(i + 1)) * 4294967296.0);
        return k;
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        // The message, a 1 bit, zeros to 56 bytes mod 64, then the length in bits (little-endian).
        var padded = new byte[(data.Length + 8) / 64 * 64 + 64];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64LittleEndian(padded.AsSpan(padded.Length - 8), (ulong)data.Length * 8);

        uint a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
        Span<uint> m = stackalloc uint[16];
        for (var chunk = 0; chunk < padded.Length; chunk += 64)
        {
            for (var j = 0; j < 16; j++) m[j] = BinaryPrimitives.ReadUInt32LittleEndian(padded.AsSpan(chunk + 4 * j));
            uint a = a0, b = b0, c = c0, d = d0;
            for (var i = 0; i < 64; i++)
            {
                uint f;
                int g;
                if (i < 16) { f = (b & c) | (~b & d); g = i; }
                else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
                else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
                else { f = c ^ (b | ~d); g = 7 * i % 16; }
                f += a + K[i] + m[g];
                (a, d, c) = (d, c, b);
                b += BitOperations.RotateLeft(f, Shift[i]);
            }
            (a0, b0, c0, d0) = (a0 + a, b0 + b, c0 + c, d0 + d);
        }
        var digest = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(digest, a0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(4), b0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(8), c0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(12), d0);
        return digest;
    }
}
