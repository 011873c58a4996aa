using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class FunctionTests
{
    [Fact]
    public void VariadicFunction_HasFixedParametersAndVariadicFlag()
    {
        HeaderReadResult result = TestHeaders.Read("int printf(const char *fmt, ...);");

        HeaderFunction printf = Assert.Single(result.Functions);
        Assert.Equal("printf", printf.Name);
        Assert.True(printf.IsVariadic);
        Assert.Equal(HeaderBuiltinKind.Int, Assert.IsType<HeaderBuiltinType>(printf.ReturnType).Kind);
        HeaderParameter fmt = Assert.Single(printf.Parameters);
        Assert.Equal("fmt", fmt.Name);
        HeaderPointerType pointer = Assert.IsType<HeaderPointerType>(fmt.Type);
        Assert.False(pointer.IsConst);
        Assert.True(pointer.Pointee.IsConst);
        Assert.Equal(HeaderBuiltinKind.Char, Assert.IsType<HeaderBuiltinType>(pointer.Pointee).Kind);
        Assert.Equal("const char *", fmt.Type.Spelling);
    }

    [Fact]
    public void PointerParameters_KeepConstRestrictAndTypedefs()
    {
        HeaderReadResult result = TestHeaders.Read("""
            typedef unsigned long size_t;
            void *memcpy(void *restrict dst, const void *restrict src, size_t len);
            """);

        HeaderFunction memcpy = result.FindFunction("memcpy")!;
        Assert.False(memcpy.IsVariadic);
        Assert.Equal(["dst", "src", "len"], memcpy.Parameters.Select(p => p.Name));
        Assert.Equal(HeaderQualifiers.Restrict, memcpy.Parameters[0].Type.Qualifiers);
        Assert.Equal(HeaderBuiltinKind.Void, Assert.IsType<HeaderBuiltinType>(((HeaderPointerType)memcpy.Parameters[0].Type).Pointee).Kind);
        Assert.True(((HeaderPointerType)memcpy.Parameters[1].Type).Pointee.IsConst);
        HeaderTypedefRefType len = Assert.IsType<HeaderTypedefRefType>(memcpy.Parameters[2].Type);
        Assert.Equal("size_t", len.Name);
        Assert.Equal("unsigned long", len.CanonicalSpelling);
        Assert.Equal(8, len.Size);
        Assert.IsType<HeaderPointerType>(memcpy.ReturnType);
    }

    [Fact]
    public void FunctionPointerParameter_IsPointerToFunctionType()
    {
        HeaderReadResult result = TestHeaders.Read("int register_handler(int (*handler)(void *arg, long code, ...), void *arg);");

        HeaderType handler = result.FindFunction("register_handler")!.Parameters[0].Type;
        Assert.True(Assert.IsType<HeaderPointerType>(handler).IsFunctionPointer);
        HeaderFunctionType function = Assert.IsType<HeaderFunctionType>(((HeaderPointerType)handler).Pointee);
        Assert.Equal(["void *", "long"], function.Parameters.Select(p => p.Spelling));
        Assert.True(function.IsVariadic);
        Assert.True(function.HasPrototype);
        Assert.Equal("int", function.ReturnType.Spelling);
        Assert.Null(function.Size);
        Assert.Equal(8, handler.Size);
    }

    [Fact]
    public void StorageClassInlineAndDefinition_AreRead()
    {
        HeaderReadResult result = TestHeaders.Read("""
            extern int ext(void);
            static int helper(int x);
            static inline int twice(int x) { return x * 2; }
            int plain(void);
            int plain(void);
            """);

        Assert.Equal(["ext", "helper", "twice", "plain"], result.Functions.Select(f => f.Name));
        Assert.Equal(HeaderStorageClass.Extern, result.FindFunction("ext")!.Storage);
        Assert.Empty(result.FindFunction("ext")!.Parameters);
        Assert.Equal(HeaderStorageClass.Static, result.FindFunction("helper")!.Storage);
        HeaderFunction twice = result.FindFunction("twice")!;
        Assert.True(twice.IsInline);
        Assert.True(twice.IsDefinition);
        Assert.False(result.FindFunction("helper")!.IsDefinition);
        Assert.Equal(HeaderStorageClass.None, result.FindFunction("plain")!.Storage);
        Assert.Equal(new HeaderSourceLocation("/virtual/test.h", 4, 5), result.FindFunction("plain")!.Location);
    }

    [Fact]
    public void ArrayAndStructParameters_KeepTheirTypes()
    {
        HeaderReadResult result = TestHeaders.Read("""
            struct thread;
            struct args { int fd; };
            int sys_call(struct thread *td, struct args *uap);
            int sum(const int values[], unsigned count);
            """);

        HeaderFunction call = result.FindFunction("sys_call")!;
        HeaderRecordRefType thread = Assert.IsType<HeaderRecordRefType>(Assert.IsType<HeaderPointerType>(call.Parameters[0].Type).Pointee);
        Assert.Equal("thread", thread.Name);
        Assert.Equal(HeaderRecordKind.Struct, thread.Kind);
        Assert.Null(thread.Size);
        Assert.Equal("int", call.ReturnType.Spelling);

        // The parameter keeps its declared array type; C passes it as a pointer all the same.
        HeaderArrayType values = Assert.IsType<HeaderArrayType>(result.FindFunction("sum")!.Parameters[0].Type);
        Assert.Null(values.Length);
        Assert.True(values.Element.IsConst);
    }
}
