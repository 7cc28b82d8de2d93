package cn.rdfund.system;

/**
 * One page of a list in RDFund's API ({@code ?page=0&size=50}): newest first, at most {@value #MAX_SIZE} records, so
 * that no list reads a whole table or an organization's whole history.
 */
public record ListPage(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The page the request asks for (the first, of {@value #DEFAULT_SIZE}, by default); 400 naming the bad field. */
    public static ListPage of(Integer page, Integer size) {
        int number = page == null ? 0 : page;
        int length = size == null ? DEFAULT_SIZE : size;
        if (number < 0) {
            throw new InvalidInputException("page：页码从0开始，不能为负数");
        }
        if (length < 1 || length > MAX_SIZE) {
            throw new InvalidInputException("size：每页条数应在1到" + MAX_SIZE + "之间");
        }
        return new ListPage(number, length);
    }

    public long offset() {
        return (long) page * size;
    }
}
