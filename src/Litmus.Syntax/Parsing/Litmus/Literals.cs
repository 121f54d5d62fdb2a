using System.Globalization;

namespace Litmus.Syntax.Parsing.Litmus;

/// <summary>C integer literals as litmus tests write them: decimal or 0x hexadecimal.</summary>
internal static class IntegerLiterals
{
    /// <summary>Hexadecimal literals up to 64 bits wrap to negative values, as in C's unsigned-to-signed conversion.</summary>
    public static bool TryParse(string text, out long value)
    {
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            var ok = ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex);
            value = unchecked((long)hex);
            return ok;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>Thread names: P0, P1, ... and, in conditions, the bare index 0, 1, ...</summary>
internal static class ThreadNames
{
    /// <summary>Accepts "P3" and "3".</summary>
    public static bool TryParseIndex(string text, out int index)
    {
        var digits = text.StartsWith('P') ? text[1..] : text;
        index = -1;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>Only "P3": the form thread declarations and scope trees use.</summary>
    public static bool TryParseThreadName(string text, out int index)
    {
        index = -1;
        return text.StartsWith('P') && TryParseIndex(text, out index);
    }
}
