package org.toy.runtime;

/**
 * A parsed format specification, {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]},
 * as CPython's {@code parse_internal_render_format_spec}. It is shared by int, float and str
 * {@code __format__}; {@link Formatter} applies it.
 */
public final class FormatSpec {
    /** No align, sign, grouping or type was given. */
    public static final char NONE = '\0';

    public final char fill;
    public final char align;
    public final char sign;
    public final boolean noNegativeZero;
    public final boolean alternate;
    public final int width;
    public final char grouping;
    public final int precision;
    public final char type;

    private FormatSpec(char fill, char align, char sign, boolean noNegativeZero, boolean alternate, int width,
            char grouping, int precision, char type) {
        this.fill = fill;
        this.align = align;
        this.sign = sign;
        this.noNegativeZero = noNegativeZero;
        this.alternate = alternate;
        this.width = width;
        this.grouping = grouping;
        this.precision = precision;
        this.type = type;
    }

    /** The number of digits between separators: 4 for {@code _} in binary, octal and hex, else 3. */
    public int groupSize() {
        return grouping == '_' && (type == 'b' || type == 'o' || type == 'x' || type == 'X') ? 4 : 3;
    }

    /**
     * Parses {@code spec} for formatting {@code value}: strings default to left alignment and type
     * {@code s}, ints to type {@code d}, numbers to right alignment.
     */
    public static FormatSpec parse(String spec, ToyObject value) {
        boolean isStr = value instanceof ToyStr;
        char defaultType = isStr ? 's' : value instanceof ToyInt ? 'd' : NONE;
        int pos = 0, end = spec.length();
        char fill = ' ', align = NONE, sign = NONE, grouping = NONE, type = defaultType;
        boolean fillGiven = false, noNegZero = false, alternate = false;
        int width = -1, precision = -1;
        if (end - pos >= 2 && isAlign(spec.charAt(pos + 1))) {
            fill = spec.charAt(pos);
            align = spec.charAt(pos + 1);
            fillGiven = true;
            pos += 2;
        } else if (end - pos >= 1 && isAlign(spec.charAt(pos))) {
            align = spec.charAt(pos++);
        }
        if (pos < end && (spec.charAt(pos) == '+' || spec.charAt(pos) == '-' || spec.charAt(pos) == ' ')) {
            sign = spec.charAt(pos++);
        }
        if (pos < end && spec.charAt(pos) == 'z') { noNegZero = true; pos++; }
        if (pos < end && spec.charAt(pos) == '#') { alternate = true; pos++; }
        if (!fillGiven && pos < end && spec.charAt(pos) == '0') {
            fill = '0';
            if (align == NONE && !isStr) align = '=';
            pos++;
        }
        int start = pos;
        while (pos < end && isDigit(spec.charAt(pos))) pos++;
        if (pos > start) width = parseCount(spec.substring(start, pos));
        if (pos < end && spec.charAt(pos) == ',') { grouping = ','; pos++; }
        if (pos < end && spec.charAt(pos) == '_') {
            if (grouping != NONE) throw Errors.valueError("Cannot specify both ',' and '_'.");
            grouping = '_';
            pos++;
        }
        if (pos < end && spec.charAt(pos) == ',' && grouping == '_') {
            throw Errors.valueError("Cannot specify both ',' and '_'.");
        }
        if (pos < end && spec.charAt(pos) == '.') {
            start = ++pos;
            while (pos < end && isDigit(spec.charAt(pos))) pos++;
            if (pos == start) throw Errors.valueError("Format specifier missing precision");
            precision = parseCount(spec.substring(start, pos));
        }
        if (end - pos > 1) {
            throw Errors.valueError("Invalid format specifier '" + spec + "' for object of type '"
                    + value.type().name() + "'");
        }
        if (end - pos == 1) type = spec.charAt(pos);
        if (grouping != NONE) checkGrouping(grouping, type);
        return new FormatSpec(fill, align, sign, noNegZero, alternate, width, grouping, precision, type);
    }

    private static void checkGrouping(char grouping, char type) {
        switch (type) {
            case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', NONE: return;
            default:
                // Underscores group binary, octal and hex digits by four (PEP 515); nothing else may be grouped.
                if (grouping == '_' && (type == 'b' || type == 'o' || type == 'x' || type == 'X')) return;
                throw Errors.valueError("Cannot specify '" + grouping + "' with "
                        + (type >= 32 && type < 128 ? "'" + type + "'." : String.format("'\\x%x'.", (int) type)));
        }
    }

    private static boolean isAlign(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static int parseCount(String digits) {
        if (digits.length() > 9) throw Errors.valueError("Too many decimal digits in format string");
        return Integer.parseInt(digits);
    }
}
