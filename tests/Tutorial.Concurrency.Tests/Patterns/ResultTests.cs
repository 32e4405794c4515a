namespace Tutorial.Concurrency.Tests.Patterns;

public class ResultTests
{
    [Fact]
    public void Success_carries_the_value_and_no_error()
    {
        var result = Result<string>.Success(3, "hello");

        Assert.True(result.IsSuccess);
        Assert.Equal(3, result.JobId);
        Assert.Equal("hello", result.Value);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("job 3: ok (hello)", result.ToString());
    }

    [Fact]
    public void Failure_carries_the_error_and_no_value()
    {
        var error = new TimeoutException("timeout");
        var result = Result<int>.Failure(4, error, attempts: 2);

        Assert.False(result.IsSuccess);
        Assert.Equal(4, result.JobId);
        Assert.Equal(0, result.Value);
        Assert.Same(error, result.Error);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("job 4: error: timeout", result.ToString());
    }

    [Fact]
    public void Failure_needs_an_error()
    {
        Assert.Equal("error", Assert.Throws<ArgumentNullException>(() => Result<int>.Failure(1, null!)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Attempts_must_be_at_least_one(int attempts)
    {
        Assert.Equal("attempts", Assert.Throws<ArgumentOutOfRangeException>(() => Result<int>.Success(1, 1, attempts)).ParamName);
        Assert.Equal("attempts", Assert.Throws<ArgumentOutOfRangeException>(() => Result<int>.Failure(1, new InvalidOperationException(), attempts)).ParamName);
    }

    [Fact]
    public void Results_compare_by_value()
    {
        var error = new InvalidOperationException();

        Assert.Equal(Result<int>.Success(1, 5), Result<int>.Success(1, 5));
        Assert.NotEqual(Result<int>.Success(1, 5), Result<int>.Success(2, 5));
        Assert.Equal(Result<int>.Failure(1, error), Result<int>.Failure(1, error));
        Assert.NotEqual(Result<int>.Failure(1, error), Result<int>.Failure(1, new InvalidOperationException()));
    }

    [Fact]
    public void Job_is_a_value_with_an_id_and_an_input()
    {
        var job = new Job<string>(7, "image7.png");

        Assert.Equal(7, job.Id);
        Assert.Equal("image7.png", job.Input);
        Assert.Equal(new Job<string>(7, "image7.png"), job);
        Assert.NotEqual(new Job<string>(8, "image7.png"), job);
        Assert.Contains("7", job.ToString());
    }

    [Fact]
    public void DeadLetter_reports_attempts_last_error_and_a_readable_line()
    {
        var errors = new Exception[] { new TimeoutException("slow"), new InvalidOperationException("broken"), new TimeoutException("timeout") };
        var letter = new DeadLetter<int>(new Job<int>(7, 70), errors);

        Assert.Equal(3, letter.Attempts);
        Assert.Same(errors[2], letter.LastError);
        Assert.Equal(errors, letter.Errors);
        Assert.Equal("job 7: dead after 3 attempts: timeout", letter.ToString());
    }

    [Fact]
    public void DeadLetter_after_one_attempt_says_attempt_in_the_singular()
    {
        var letter = new DeadLetter<int>(new Job<int>(1, 10), [new InvalidOperationException("nope")]);

        Assert.Equal(1, letter.Attempts);
        Assert.Equal("job 1: dead after 1 attempt: nope", letter.ToString());
    }

    [Fact]
    public void DeadLetter_needs_at_least_one_error()
    {
        var job = new Job<int>(1, 10);

        var empty = Assert.Throws<ArgumentException>(() => new DeadLetter<int>(job, []));
        Assert.Equal("Errors", empty.ParamName);
        Assert.Throws<ArgumentNullException>(() => new DeadLetter<int>(job, null!));
    }
}
