//! Multi-line text with a cursor: what the note editor types into. Columns count characters,
//! which is what the arrow keys move by in a note (no grapheme or wide-character layout: notes
//! are short prose and the editor wraps them anyway).

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextBox {
    text: String,
    /// Byte offset into `text`, always on a character boundary.
    cursor: usize,
}

impl TextBox {
    /// `text` with the cursor at its end.
    pub fn new(text: &str) -> TextBox {
        TextBox {
            text: text.to_owned(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    pub fn end(&mut self) {
        self.cursor = self.line_end(self.cursor);
    }

    pub fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            self.cursor = 0;
            return;
        }
        let column = self.text[start..self.cursor].chars().count();
        let previous = self.line_start(start - 1);
        self.cursor = self.at_column(previous, column);
    }

    pub fn down(&mut self) {
        let end = self.line_end(self.cursor);
        if end == self.text.len() {
            self.cursor = end;
            return;
        }
        let column = self.text[self.line_start(self.cursor)..self.cursor]
            .chars()
            .count();
        self.cursor = self.at_column(end + 1, column);
    }

    /// The line the cursor is on, counting from 0.
    pub fn cursor_line(&self) -> usize {
        self.text[..self.cursor].matches('\n').count()
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    /// The offset `column` characters into the line starting at `start`, or its end.
    fn at_column(&self, start: usize, column: usize) -> usize {
        let end = self.line_end(start);
        self.text[start..end]
            .char_indices()
            .nth(column)
            .map_or(end, |(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextBox {
        let mut b = TextBox::default();
        text.chars().for_each(|c| b.insert(c));
        b
    }

    #[test]
    fn inserts_and_deletes_at_the_cursor() {
        let mut b = typed("héllo");
        b.left();
        b.left();
        b.insert('X');
        assert_eq!(b.text(), "hélXlo");
        b.backspace();
        b.backspace();
        assert_eq!(b.text(), "hélo");
        b.home();
        b.delete();
        assert_eq!(b.text(), "élo");
        b.end();
        b.right();
        b.insert('!');
        assert_eq!(b.text(), "élo!");
    }

    #[test]
    fn up_and_down_keep_the_column_where_lines_allow() {
        let mut b = typed("first line\nab\nthird line");
        b.up();
        assert_eq!(b.cursor_line(), 1);
        assert_eq!(
            &b.text()[b.cursor()..],
            "\nthird line",
            "clamped to the short line"
        );
        b.up();
        b.insert('^');
        assert_eq!(b.text(), "fi^rst line\nab\nthird line");
        b.down();
        b.down(); // the column was clamped on the short line
        b.insert('v');
        assert_eq!(b.text(), "fi^rst line\nab\nthvird line");
        b.down();
        assert_eq!(b.cursor(), b.text().len());
        b.up();
        b.up();
        b.up();
        assert_eq!(b.cursor(), 0);
    }
}
