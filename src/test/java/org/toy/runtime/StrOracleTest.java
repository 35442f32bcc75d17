package org.toy.runtime;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** str indexing, slicing, methods, % formatting and str.format, against python3. */
class StrOracleTest {
    @TestFactory
    Stream<DynamicTest> basics() {
        return Oracle.compare(
                "'abc'[1]", "'abc'[-1]", "'abc'[5]", "'abc'[::0]", "'abcdef'[1:4]", "'abcdef'[::2]", "'abcdef'[::-1]",
                "'abcdef'[-2:]", "'abcdef'[4:1:-1]", "'abcdef'[10:]", "'abcdef'[-100:2]", "'abcdef'[1:5:-1]",
                "'abc'['x']", "'abc'[1.5]", "'ab' + 'cd'", "'ab' * 3", "3 * 'ab'", "'ab' * -1", "'ab' * 0",
                "'a' * 'b'", "'a' + 1", "'b' in 'abc'", "'' in 'abc'", "1 in 'a'", "'a' < 'b'", "'a' < 'B'",
                "'abc' < 'abd'", "'ab' < 'abc'", "'a' == 'a'", "'a' < 1", "len('héllo')", "repr('a\\'b')",
                "repr('a\"b')", "repr('a\\'\"b')", "repr('\\n\\t\\x00\\x7f')", "repr('\\x85\\xa0\\u2028é')",
                "repr('\\U0001F600')", "ascii('é\\U0001F600')", "str(b'ab')", "str(1.5)", "str()", "list('abc')",
                "next(iter('ab'))", "type(iter('ab')).__name__", "type(iter('é')).__name__", "str.upper('a')",
                "str.upper(1)", "str.upper()", "'a'.upper(1)", "str.__name__");
    }

    @TestFactory
    Stream<DynamicTest> methods() {
        return Oracle.compare(
                "'a b  c '.split()", "'  a b  c  '.split(None, 1)", "'a,b,,c'.split(',')", "'a,b,,c'.split(',', 1)",
                "'a,b,c'.rsplit(',', 1)", "'  a b  c  '.rsplit(None, 1)", "'a b c'.rsplit()", "''.split()",
                "''.split(',')", "'a'.split('')", "'a'.split(1)", "'a b'.split(maxsplit=0)", "'a b'.split(sep=' ')",
                "'a'.split(sep='a', x=1)", "'a'.split('a', 1, 2)", "'a\\nb\\r\\nc\\rd'.splitlines()",
                "'a\\nb\\r\\n'.splitlines(True)", "'a\\x0bb\\x1cc'.splitlines()", "''.splitlines()",
                "','.join(['a', 'b'])", "','.join([1])", "','.join(['a', 2])", "'-'.join('abc')", "'a'.join(1)",
                "'  x  '.strip()", "'xxaxx'.strip('x')", "'  x  '.lstrip()", "'  x  '.rstrip()", "'abcba'.strip('ab')",
                "'a'.strip(1)", "'\\xa0x\\u2003'.strip()", "'aaa'.replace('a', 'b')", "'aaa'.replace('a', 'b', 2)",
                "'abc'.replace('', '-')", "'abc'.replace('', '-', 2)", "'a'.replace(1, 2)", "'hello'.find('l')",
                "'hello'.rfind('l')", "'hello'.find('l', 3)", "'hello'.find('l', -2)", "'hello'.find('z')",
                "'hello'.index('z')", "'hello'.rindex('l')", "'abc'.find('', 10)", "'abc'.find('', 3)",
                "'abc'.rfind('')", "'a'.find(1)", "'a'.find()", "'a'.index('a', 1.5)", "'hello'.count('l')",
                "'ab'.count('')", "'aaaa'.count('aa')", "'hello'.count('l', 3)", "'a'.count(1)",
                "'hello'.startswith('he')", "'hello'.startswith(('x', 'he'))", "'hello'.startswith('l', 2)",
                "'hello'.endswith('lo')", "'hello'.endswith('l', 0, 4)", "'hello'.startswith(1)",
                "'hello'.startswith(('a', 1))", "'Hello World'.upper()", "'Hello'.lower()", "'ß'.upper()",
                "'hello world'.title()", "\"they're bill's\".title()", "'hELLO wORLD'.capitalize()",
                "'Hello'.swapcase()", "'Straße'.casefold()", "'123'.isdigit()", "'²'.isdigit()", "'½'.isnumeric()",
                "'½'.isdigit()", "'12a'.isdigit()", "''.isdigit()", "'abc'.isalpha()", "'ab1'.isalnum()",
                "' \\t\\n'.isspace()", "'ABC'.isupper()", "'AbC'.isupper()", "'abc1'.islower()", "'1'.islower()",
                "'_a1'.isidentifier()", "'1a'.isidentifier()", "''.isidentifier()", "'Hello World'.istitle()",
                "'Hello world'.istitle()", "'123'.isdecimal()", "'abc'.isascii()", "'é'.isascii()",
                "'\\t'.isprintable()", "'42'.zfill(5)", "'-42'.zfill(5)", "'+42'.zfill(2)", "'a'.zfill('x')",
                "'a'.center(4)", "'ab'.center(5)", "'ab'.center(6, '*')", "'a'.center(5, 'ab')", "'a'.center(5, 1)",
                "'a'.ljust(3, '-')", "'a'.rjust(3)", "'abc'.ljust(2)", "'a.b.c'.partition('.')",
                "'a.b.c'.rpartition('.')", "'abc'.partition('x')", "'abc'.rpartition('x')", "'a'.partition('')",
                "'a\\tbc\\td'.expandtabs()", "'a\\tb'.expandtabs(4)", "'ab\\ncd\\te'.expandtabs(3)",
                "'prefix_x'.removeprefix('prefix_')", "'x'.removeprefix('y')", "'a.txt'.removesuffix('.txt')",
                "'a'.removesuffix('')", "'a'.removeprefix(1)", "'héllo'.encode()", "'héllo'.encode('latin-1')",
                "'é'.encode('ascii')", "'a'.encode('zz')", "'a'.encode(1)", "'é'.encode('ascii', 'replace')");
    }

    @TestFactory
    Stream<DynamicTest> percentFormatting() {
        return Oracle.compare(
                "'%5.2f|%-5d|%05d|%+d|% d|%x|%X|%#x|%#o|%e|%g|%G|%c|%c|%r|%a|%%|%.3d|%*d|%-*d|%.*f' % (3.14159, 42,"
                        + " -42, 5, 5, 255, 255, 255, 8, 12345.678, 0.00001234, 1e20, 65, 'z', 'hi', 'é', 7, 6, 3, 4, 3, 2,"
                        + " 3.14159)",
                "'%s' % [1, 2]", "'abc' % []", "'abc' % {}", "'abc' % 5", "'%(a)s %(b)r' % {'a': 1, 'b': 'x'}",
                "'%d' % 3.7", "'%i' % True", "'%s %s' % (1,)", "'%' % ()", "'%5s|%-5s|%.1s' % ('ab', 'ab', 'ab')",
                "'%d' % 2**70", "'%x' % -255", "'%#X' % 255", "'%10.3e' % 1234.5", "'%o' % 8", "'%u' % 5",
                "'%d %d' % (1,)", "'%d' % (1, 2)", "'%s' % ()", "'%(a)s' % {'b': 1}", "'%y' % 1", "'%d' % 'a'",
                "'%x' % 1.5", "'%f' % 'a'", "'%c' % 300000000", "'%c' % 'ab'", "'%05f' % float('inf')",
                "'%05s' % 'a'", "'%-05d' % 3", "'%+05d' % 3", "'%#5x' % 255", "'%#05x' % 255", "'%.3x' % 5",
                "'%5.1s' % 'abc'", "'%(a)s' % [1]", "'%s' % {'a': 1}", "'%s %s' % {'a': 1}", "'%d' % float('nan')",
                "'%c' % -1", "'%.2e' % 0", "'%#.0e' % 1", "'%#g' % 1", "'%g' % 1e-5", "'%10.4g|' % 3.14159",
                "'%*s' % ('a', 'b')", "'%(a)' % {'a': 1}", "'%ld' % 5", "'%s' % None", "'%r' % (1, 2)",
                "'%s' % ((1, 2),)", "'%.0f' % 2.5", "'%.2f' % 2.675", "'%f' % 1e20", "'%5%' % ()", "'%s%%' % 50");
    }

    @TestFactory
    Stream<DynamicTest> strFormat() {
        return Oracle.compare(
                "'{0}{}'.format(1, 2)", "'{}'.format()", "'{a}'.format()", "'{:d}'.format(1.5)", "'{:s}'.format(1)",
                "'{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'})", "'{.real}'.format(3)",
                "'{:{w}.{p}f}'.format(3.14159, w=10, p=2)", "'{!r:>10}'.format('a')", "'{{}} {}'.format(1)",
                "'{0}{1}{0}'.format('a', 'b')", "'{a}'.format(a=1)", "'{:>{}}'.format('x', 5)",
                "'{0:{1}}'.format('x', 5)", "'{0!s:}'.format(1)", "'{0!}'.format(1)", "'{0!rr}'.format(1)",
                "'{'.format()", "'}'.format()", "'{0'.format()", "'{0[}'.format()", "'{:{}}'.format(1, 2)",
                "'{0:{1}}{2}'.format(1, 2, 3)", "'{x.y}'.format(x=1)", "'{0[0]}'.format([5])",
                "'{0[-1]}'.format({'-1': 2})", "'{:{:{}}}'.format(1, 2, 3)", "'{!r}'.format('é')",
                "'{!a}'.format('é')", "'{0!x}'.format(1)", "'{}{}'.format(1)", "'{1}'.format(1)",
                "'{:,}'.format(1234567)", "'{:>8.3f}|'.format(3.14159)", "'{:^10}'.format('mid')",
                "'{:*<6}'.format('ab')", "'{:=+6}'.format(42)", "'{0}{0}'.format('ab')", "'{a}{b}'.format_map({'a': 1, 'b': 2})",
                "'{}'.format_map({})", "'{:.2%}'.format(0.1234)", "'{:x}'.format(255)", "'{:#b}'.format(5)",
                "'{} {}'.format(None, True)", "'{:5}'.format(True)", "'{:.3}'.format('abcdef')", "'{:05}'.format('a')",
                "'{:=5}'.format('a')", "'{:+}'.format('a')", "format('a', ',')", "format('a', 'd')",
                "format('abc', '.1')", "format('a', '^5')");
    }
}
