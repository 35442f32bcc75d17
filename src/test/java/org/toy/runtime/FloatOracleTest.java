package org.toy.runtime;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** float repr, arithmetic, errors, hashing, rounding and format specs, against python3. */
class FloatOracleTest {
    @TestFactory
    Stream<DynamicTest> repr() {
        return Oracle.compare(
                "1e16", "1e-5", "0.1 + 0.2", "1 / 3", "123456789.123", "5e-324", "1.7976931348623157e308", "-0.0",
                "2.82879384806159e17", "1e22", "1e23", "9007199254740993.0", "0.3", "2.0**-1074 * 3", "1e-7",
                "123e-20", "1.5", "100.0", "1e15", "123456789012345678.0", "0.0001", "0.00001", "2.0**-1022",
                "2.0**-1023", "2.0**52", "2.0**60", "4.35", "0.1 * 3", "1.1 * 1.1", "2/3", "1e300 * 10",
                "float('inf')", "-float('inf')", "float('nan')", "str(1.0)", "str(1e100)", "8.41e21", "5e-310",
                "1.0000000000000002", "0.30000000000000004", "9.999999999999999e22", "2.2250738585072014e-308");
    }

    @TestFactory
    Stream<DynamicTest> arithmetic() {
        return Oracle.compare(
                "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "1.0 / 0", "1 / 0.0", "1 % 0.0", "1 // 0.0", "divmod(1, 0.0)",
                "0.0 ** -1", "10.0 ** 400", "2.0 ** 10000", "pow(2.0, -10000)", "(-2.0) ** 3",
                "(-2.0) ** 2", "(-1.0) ** 1e300", "float('inf') ** -1", "(-float('inf')) ** 3", "0.0 ** 0",
                "float('nan') ** 0", "1.0 ** float('nan')", "2.0 ** float('inf')", "0.5 ** float('inf')",
                "divmod(-7.5, 2)", "-7.5 % 2", "7.5 // -2", "-1e-300 % 1e300", "7.5 % -2", "-0.0 % 5", "0.0 // -3",
                "-7.0 // 2", "5.5 - 2**70", "1e308 * 10", "-1e308 * 10", "1.5 + True", "1.5 * 'a'", "1.5 + 'a'",
                "-(1.5)", "+(-0.0)", "(0.1).is_integer()", "(2.0).is_integer()", "float('inf').is_integer()",
                "1.5 < 2", "1.5 == 1.5", "float('nan') == float('nan')", "float('nan') != float('nan')",
                "0.0 == -0.0", "1e308 < 2**1100", "-1e308 > -2**1100");
    }

    @TestFactory
    Stream<DynamicTest> hashesAndRounding() {
        return Oracle.compare(
                "hash(0.5)", "hash(1.5)", "hash(-2.5)", "hash(1e100)", "hash(5e-324)", "hash(1.7976931348623157e308)",
                "hash(-0.0)", "hash(float('inf'))", "hash(0.1)", "hash(-1.0)", "hash(2.0**70)", "hash(1e-300)",
                "hash(float(2**100)) == hash(2**100)", "round(2.5)", "round(3.5)", "round(-2.5)", "round(2.675, 2)",
                "round(1.5, 0)", "round(5e-324, 400)", "round(1e300, -400)", "round(123.456, -1)", "round(0.5, 1)",
                "round(-0.25, 1)", "round(1.05, 1)", "round(float('nan'))", "round(float('inf'))",
                "round(float('nan'), 2)", "round(1.5, 'a')", "round(1234.5678, 2)", "round(-1e-20, 3)");
    }

    @TestFactory
    Stream<DynamicTest> conversions() {
        return Oracle.compare(
                "float('x')", "float('inf')", "float('-Infinity')", "float('nAn')", "float('1e5')", "float('1_000.5')",
                "float(' 12 ')", "float('1e500')", "float('.5')", "float('5.')", "float('.')", "float('1_')",
                "float('1__0')", "float('e5')", "float('0x10')", "float(2**1100)", "float(7)", "float()",
                "float([1])", "float('1.5e-3')", "float(' -2.5E+2 ')");
    }

    @TestFactory
    Stream<DynamicTest> formatting() {
        return Oracle.compare(
                "format(1.5, '=10')", "format(-0.0, 'z.1f')", "format(-0.001, 'z.1f')", "format(1.5, 'abc')",
                "format(1.0, '.')", "format(1e16, '')", "format(1.0, '.3')", "format(100.0, '.2')",
                "format(0.0001, '')", "format(1.5, '10')", "format(float('inf'), '06')", "format(float('nan'), 'E')",
                "format(1234.5, ',.2f')", "format(0.5, '%')", "format(1.0, 'n')", "format(1e16, '.17g')",
                "format(123.456, 'e')", "format(0.0, 'e')", "format(0.0, 'g')", "format(1e-5, 'g')",
                "format(123456789.0, 'g')", "format(1.5, '#g')", "format(1.0, '#.0f')", "format(1.0, '.0f')",
                "format(2.5, '.0f')", "format(3.5, '.0f')", "format(-1.5, '+.3e')", "format(2.675, '.2f')",
                "format(1e22, 'f')", "format(5e-324, '.3g')", "format(0.1, '.20f')", "format(1/3, '.15g')",
                "format(-0.0, '')", "format(-0.0, '.1f')", "format(9.9999, '.3g')", "format(9.9999, '.4')",
                "format(1234567.891, '_.2f')", "format(1234567.891, '015,.1f')", "format(-3.14159, '=+12.3f')",
                "format(3.14159, '^12.2e')", "format(1e-10, '')", "format(1e-10, '.3')", "format(1.5, 'x')",
                "format(1.5, 'd')", "format(12.5, '.1%')", "format(0.000123, 'G')", "format(float('inf'), 'F')",
                "format(-float('inf'), '+')", "format(1e100, ',.0f')", "format(1.0, '#')", "format(1.0, '#.3g')",
                "format(123.0, 'e')", "format(1.25, '.1f')", "format(1.35, '.1f')", "format(1e-4, '.2e')");
    }
}
