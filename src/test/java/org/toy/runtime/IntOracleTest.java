package org.toy.runtime;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** int arithmetic, big ints, division signs, shifts, bitwise ops and conversions, against python3. */
class IntOracleTest {
    @TestFactory
    Stream<DynamicTest> arithmetic() {
        return Oracle.compare(
                "1 + 2", "2**63 - 1 + 1", "-2**63 - 1", "9223372036854775807 * 2", "3037000500 * 3037000500",
                "-9223372036854775808 // -1", "-(2**63)", "abs(-2**63)", "7 // 2", "-7 // 2", "7 // -2", "-7 // -2",
                "7 % 3", "-7 % 3", "7 % -3", "-7 % -3", "divmod(-7, 2)", "divmod(7, -2)", "divmod(2**70, -3)",
                "(-2**70) // 3", "(-2**70) % 3", "2**70 % -7", "1 // 0", "1 % 0", "divmod(1, 0)", "2**64 // 0",
                "2**64 % 0", "1 / 0", "0 / -5", "1 / 3", "2 / 3", "10 / 4", "2**64 / 3", "(2**64 + 1) / 2**63",
                "10**400 / 10**399", "1 / 10**400", "2**10000 / 1", "2**1100 / 3", "(2**53 + 1) / 1",
                "(2**54 + 3) / 2", "-(2**80 + 1) / 7", "3**200 / 7**150", "2**-1", "(-2)**-2", "0**-1", "0**0",
                "2**100", "(-3)**41", "(-1)**(2**70)", "2**0.5", "10**-3", "7**-1", "1 << 64", "-1 << 63",
                "1 << -1", "1 >> -1", "-1 >> 100", "-5 >> 1", "2**63 >> 1", "(2**100) >> 90", "-(2**100) >> 200",
                "5 & -2", "-5 | 3", "5 ^ -1", "~5", "~(2**70)", "2**70 & 2**69", "(2**70) ^ -1", "-(2**65) & 0xFFFF",
                "True & True", "True | 0", "True ^ True", "True + True", "-True", "~True", "+True", "1 + 'a'",
                "'a' + 1", "1 - 'a'", "[1] * 'a'", "2**3**2", "-2**2", "(-8) // 3 * 3 + (-8) % 3", "3 * 1.5",
                "2**70 * 1.5", "1 + 2.5", "10 - 0.5", "7 // 2.0", "7 % 2.5", "2**1100 * 1.0", "1 @ 2");
    }

    @TestFactory
    Stream<DynamicTest> comparisonsAndHashes() {
        return Oracle.compare(
                "1 == 1.0", "2**53 + 1 == float(2**53 + 1)", "2**53 + 1 > float(2**53)", "10**400 > 1e308",
                "1 < float('nan')", "1 != float('nan')", "-1 < -0.5", "3 < 2**70", "2**70 == 2**70",
                "1 < 'a'", "True == 1", "hash(-1)", "hash(2**61)", "hash(-2**61 - 5)", "hash(2**100)",
                "hash(-2**100)", "hash(2**61 - 1)", "hash(True)", "hash(-2**63)", "hash(12345678901234567890)",
                "1 < 2 < 3", "1 < 3 < 2");
    }

    @TestFactory
    Stream<DynamicTest> conversions() {
        return Oracle.compare(
                "int()", "int(' -12_3 ')", "int('0b101', 0)", "int('0o17', 0)", "int('0x_ff', 0)", "int('ff', 16)",
                "int('0xff', 16)", "int('z', 36)", "int('abc')", "int('12', 2)", "int('1__2')", "int('_12')",
                "int('12_')", "int('')", "int('010', 0)", "int('000', 0)", "int('12', 1)", "int('1', 37)",
                "int(3.5, 10)", "int(-3.9)", "int(3.9)", "int(1e20)", "int(float('nan'))", "int(float('inf'))",
                "int(True)", "int('99999999999999999999999')", "int('-0')", "int(' 7 ')", "int([1])",
                "int('\u0661\u0662')", "bool()", "bool(0)", "bool(2**70)", "bool('')", "int.__name__",
                "(5).bit_length()", "(-2**70).bit_length()", "(0).bit_length()", "int.bit_length(255)",
                "int.bit_length('a')", "int.bit_length()", "(5).real", "(5).imag", "round(2.5)", "round(-0.5)",
                "round(1234, -2)", "round(1250, -2)", "round(-1250, -2)", "round(1350, -2)", "round(5, 2)",
                "round(True)", "round(2**70 + 5, -1)", "round(15, -1)", "round(25, -1)");
    }

    @TestFactory
    Stream<DynamicTest> formatting() {
        return Oracle.compare(
                "format(1234, '09,')", "format(1234, '08,')", "format(1234, '010,')", "format(-1234, '010,')",
                "format(255, '#_x')", "format(255, '#010x')", "format(12345678, '_b')", "format(1, ',x')",
                "format(1, 'abc')", "format(1, '.')", "format(1, '.2d')", "format(5, 'c')", "format(5, '+c')",
                "format(5, '#c')", "format(65, '=5c')", "format(1, 'z')", "format(2**70, ',')", "format(True, '')",
                "format(True, 'd')", "format(-255, 'X')", "format(255, '#o')", "format(255, '#b')", "format(42, '+')",
                "format(42, ' ')", "format(-42, ' ')", "format(42, '*^9')", "format(42, '<5')", "format(-42, '=8')",
                "format(42, '08')", "format(-42, '08')", "format(1234567, ',d')", "format(1234567, '_d')",
                "format(1234, 'n')", "format(42, '.2f')", "format(42, 'e')", "format(42, '%')", "format(42, 'g')",
                "format(42, 's')", "format(10**20, '.3e')", "format(3, '0=5')", "format(3, 'x<5')",
                "format(1, ',_')", "format(1, '_,')", "format(1, '0>+5')", "format(1, '#x')");
    }
}
