using System;
using System.IO;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IAppendStorage"/> over a regular file. <see cref="Flush"/> is <c>FileStream.Flush(true)</c>,
    /// an fsync: the bytes are on the disk when it returns. A file this object creates also has its
    /// directory synced, so the file itself survives a power cut. I/O errors after opening are false or
    /// -1 results (the log above decides), never exceptions.
    /// </summary>
    public sealed class LinuxAppendFile : IAppendStorage, IDisposable
    {
        private readonly FileStream _file;

        /// <summary>Opens the file, creating it (and syncing its directory) when absent; throws an
        /// IOException naming the path when it cannot.</summary>
        public LinuxAppendFile(string path)
        {
            string fullPath = Path.GetFullPath(path);
            bool created = !File.Exists(fullPath);
            try
            {
                _file = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new IOException("cannot open the file " + fullPath + ": " + e.Message, e);
            }
            if (created && !LibC.SyncDirectory(Path.GetDirectoryName(fullPath)))
            {
                _file.Dispose();
                throw new IOException("cannot fsync the directory of the new file " + fullPath);
            }
        }

        public long Length
        {
            get { return _file.Length; }
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position < 0)
            {
                return -1;
            }
            try
            {
                _file.Position = position;
                int total = 0;
                int got;
                while (total < count && (got = _file.Read(buffer, offset + total, count - total)) > 0)
                {
                    total += got;
                }
                return total;
            }
            catch (IOException)
            {
                return -1;
            }
        }

        public bool Append(byte[] buffer, int offset, int count)
        {
            try
            {
                _file.Seek(0, SeekOrigin.End);
                _file.Write(buffer, offset, count);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        public bool Flush()
        {
            try
            {
                _file.Flush(true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        public bool Truncate(long length)
        {
            if (length < 0 || length > _file.Length)
            {
                return false;
            }
            try
            {
                _file.SetLength(length);
                _file.Flush(true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _file.Dispose();
        }
    }
}
