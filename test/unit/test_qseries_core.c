/*
 * test_qseries_core.c
 *	  Unit tests of the qseries text and binary scanners.
 */
#include "unit.h"
#include "../../src/growth/qseries_core.h"

/*
 * Scans text and renders what the scanner saw, one token per element
 * ("2023-Q1=820"), ending with the final status name, so each case is one
 * string comparison.
 */
static const char *const scan_names[] = {
	"item", "end", "no_open_brace", "no_colon", "bad_period", "no_close_brace", "trailing"
};

static void
check_scan(const char *text, const char *want)
{
	QSeriesScanner scan;
	QSeriesItem item;
	QSeriesScanStatus st;
	char		got[512] = "";
	size_t		used = 0;

	qseries_scan_begin(&scan, text, strlen(text));
	while ((st = qseries_scan_next(&scan, &item)) == QSCAN_ITEM)
	{
		char		q[QUARTER_TEXT_BUFSIZE];

		quarter_format(item.ordinal, q);
		used += (size_t) snprintf(got + used, sizeof(got) - used, "%s=%.*s ",
								  q, (int) item.value_len, item.value);
	}
	snprintf(got + used, sizeof(got) - used, "%s", scan_names[st]);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "  input: \"%s\"\n", text);
	CHECK_EQ_STR(got, want);
}

static void
test_text(void)
{
	check_scan("{}", "end");
	check_scan("  { }  ", "end");
	check_scan("{2023-Q1:820}", "2023-Q1=820 end");
	check_scan("{2023-Q1:820,2023-Q2:801.5}", "2023-Q1=820 2023-Q2=801.5 end");
	check_scan("{quý I-2023:5,Q2/2023:-1e3}", "2023-Q1=5 2023-Q2=-1e3 end");
	check_scan("{2023-Q1: 7 } ", "2023-Q1= 7  end");
	/* empty value text is left for numeric input to reject */
	check_scan("{2023-Q1:}", "2023-Q1= end");
	check_scan("", "no_open_brace");
	check_scan("   ", "no_open_brace");
	check_scan("2023-Q1:5", "no_open_brace");
	check_scan("{2023-Q1}", "no_colon");
	check_scan("{2023-Q1:1,}", "2023-Q1=1 no_colon");
	check_scan("{2023-Q5:1}", "bad_period");
	check_scan("{:1}", "bad_period");
	check_scan("{2023-Q1,2023-Q2:5}", "bad_period");
	check_scan("{2023-Q1:1", "no_close_brace");
	check_scan("{2023-Q1:1,2023-Q2:2", "2023-Q1=1 no_close_brace");
	check_scan("{", "no_colon");
	check_scan("{}x", "trailing");
	check_scan("{2023-Q1:1}}", "2023-Q1=1 trailing");
}

static void
test_bad_period_status(void)
{
	QSeriesScanner scan;
	QSeriesItem item;
	const char *text = "{99-Q1:1}";

	qseries_scan_begin(&scan, text, strlen(text));
	CHECK_EQ_INT(qseries_scan_next(&scan, &item), QSCAN_BAD_PERIOD);
	CHECK_EQ_INT(item.period_status, QUARTER_SHORT_YEAR);
	CHECK_EQ_INT(item.period_len, 5);
	CHECK(item.period == text + 1);
}

/* Appends a big-endian int32 to a byte buffer. */
static size_t
put32(unsigned char *buf, size_t at, int32_t v)
{
	uint32_t	u = (uint32_t) v;

	buf[at] = (unsigned char) (u >> 24);
	buf[at + 1] = (unsigned char) (u >> 16);
	buf[at + 2] = (unsigned char) (u >> 8);
	buf[at + 3] = (unsigned char) u;
	return at + 4;
}

static QSeriesRecvStatus
read_all(const unsigned char *buf, size_t len, int *items, size_t *left)
{
	QSeriesReader rd;
	QSeriesRecvStatus st;
	int32_t		count,
				ordinal;
	const uint8_t *value;
	size_t		value_len;

	*items = 0;
	st = qseries_recv_begin(&rd, buf, len, &count);
	if (st != QRECV_ITEM)
		return st;
	while ((st = qseries_recv_next(&rd, &ordinal, &value, &value_len)) == QRECV_ITEM)
	{
		if (value < buf || value + value_len > buf + len)
			return QRECV_TRUNCATED;
		(*items)++;
	}
	*left = rd.left;
	return st;
}

static void
test_binary(void)
{
	unsigned char buf[64];
	size_t		n,
				left = 99;
	int			items;
	int32_t		q2023 = quarter_make_ordinal(2023, 1);

	/* numerics of one digit (10 bytes) and none (8), then 2 bytes the caller owns */
	n = put32(buf, 0, 2);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 10);
	memcpy(buf + n, "\0\1\0\0\0\0\0\0\3\64", 10);
	n += 10;
	n = put32(buf, n, q2023 + 1);
	n = put32(buf, n, 8);
	memset(buf + n, 0, 8);
	n += 8;
	buf[n++] = 'x';
	buf[n++] = 'y';
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_END);
	CHECK_EQ_INT(items, 2);
	CHECK_EQ_INT(left, 2);

	n = put32(buf, 0, 0);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_END);
	CHECK_EQ_INT(items, 0);

	CHECK_EQ_INT(read_all(buf, 0, &items, &left), QRECV_TRUNCATED);
	CHECK_EQ_INT(read_all(buf, 3, &items, &left), QRECV_TRUNCATED);

	n = put32(buf, 0, -1);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_COUNT);
	/* a count the message cannot hold: 2 elements need at least 16 bytes */
	n = put32(buf, 0, 2);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 0);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_COUNT);
	n = put32(buf, 0, 0x7fffffff);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_COUNT);

	n = put32(buf, 0, 1);
	n = put32(buf, n, 3);		/* year 0 */
	n = put32(buf, n, 0);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_QUARTER);
	n = put32(buf, 0, 1);
	n = put32(buf, n, QUARTER_MAX_ORDINAL + 1);
	n = put32(buf, n, 0);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_QUARTER);

	n = put32(buf, 0, 1);
	n = put32(buf, n, q2023);
	n = put32(buf, n, -5);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_LENGTH);
	n = put32(buf, 0, 1);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 5);
	buf[n++] = 1;
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_LENGTH);
	n = put32(buf, 0, 1);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 0x7fffffff);
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_LENGTH);

	/* value bytes that cannot be a binary numeric */
	n = put32(buf, 0, 1);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 2);
	buf[n++] = 0;
	buf[n++] = 0;
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_VALUE);
	n = put32(buf, 0, 1);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 10);
	memcpy(buf + n, "\0\2\0\0\0\0\0\0\0\1", 10);	/* says 2 digits, has 1 */
	n += 10;
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_VALUE);
	n = put32(buf, 0, 1);
	n = put32(buf, n, q2023);
	n = put32(buf, n, 9);
	memset(buf + n, 0, 9);		/* no digits, one byte over */
	n += 9;
	CHECK_EQ_INT(read_all(buf, n, &items, &left), QRECV_BAD_VALUE);
}

int
main(void)
{
	test_text();
	test_bad_period_status();
	test_binary();
	return UNIT_REPORT("qseries_core");
}
