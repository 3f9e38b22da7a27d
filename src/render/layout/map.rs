//! From figure units to pixels: the one place where x and y are mapped.

use super::Rect;
use crate::figure::words::Direction;
use crate::figure::Figure;

/// The process axis across the plot: figure x to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XMap {
    left: f64,
    inset: f64,
    width: f64,
    min: f64,
    span: f64,
    /// The process runs from right to left (a right-to-left reading direction).
    reversed: bool,
}

impl XMap {
    /// The figure's x range over `left..left + width` pixels: from the
    /// left, or, when the figure reads right to left, from the right.
    /// The ends stay a marker's width inside the plot.
    pub fn new(fig: &Figure, left: f64, width: f64) -> Self {
        let s = (fig.width as f64 / 1600.0)
            .min(fig.height as f64 / 900.0)
            .clamp(0.4, 6.0);
        let inset = (16.0 * s).min(width * 0.1);
        XMap {
            left,
            inset,
            width: width - 2.0 * inset,
            min: fig.x.min,
            span: (fig.x.max - fig.x.min).max(f64::MIN_POSITIVE),
            reversed: fig.direction == Direction::RightToLeft,
        }
    }

    /// Pixels from the plot's left edge.
    pub fn offset(&self, x: f64) -> f64 {
        let share = (x - self.min) / self.span;
        self.inset
            + if self.reversed {
                (1.0 - share) * self.width
            } else {
                share * self.width
            }
    }

    /// Pixels from the picture's left edge.
    pub fn px(&self, x: f64) -> f64 {
        self.left + self.offset(x)
    }
}

/// Both axes: figure units to pixels in the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelMap {
    pub x: XMap,
    bottom: f64,
    height: f64,
    y_min: f64,
    y_span: f64,
}

impl PixelMap {
    pub fn new(fig: &Figure, plot: Rect) -> Self {
        Self::inset(fig, plot, 0.0, 0.0)
    }

    /// Like [`PixelMap::new`], with the y range kept `top` pixels under the
    /// plot's top and `bottom` pixels over its bottom (room for phase labels
    /// and for markers drawn beside their points).
    pub fn inset(fig: &Figure, plot: Rect, top: f64, bottom: f64) -> Self {
        let (top, bottom) = if top + bottom < plot.height() * 0.5 {
            (top, bottom)
        } else {
            let k = plot.height() * 0.5 / (top + bottom);
            (top * k, bottom * k)
        };
        PixelMap {
            x: XMap::new(fig, plot.left, plot.width()),
            bottom: plot.bottom - bottom,
            height: plot.height() - top - bottom,
            y_min: fig.y.min,
            y_span: (fig.y.max - fig.y.min).max(f64::MIN_POSITIVE),
        }
    }

    pub fn x(&self, x: f64) -> f64 {
        self.x.px(x)
    }

    pub fn y(&self, y: f64) -> f64 {
        self.bottom - (y - self.y_min) / self.y_span * self.height
    }

    /// A point in whole pixels.
    pub fn point(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.x(x).round() as i32, self.y(y).round() as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_of_the_axes_meet_the_plot_edges() {
        let fig = crate::render::layout::frame::tests::figure(&[("a", 0.0)], false);
        let plot = Rect {
            left: 100.0,
            top: 50.0,
            right: 1100.0,
            bottom: 650.0,
        };
        let m = PixelMap::new(&fig, plot);
        // A marker's width inside the plot at either end.
        assert_eq!(m.x(fig.x.min), 116.0);
        assert_eq!(m.x(fig.x.max), 1084.0);
        assert_eq!(m.y(fig.y.min), 650.0);
        assert_eq!(m.y(fig.y.max), 50.0);
        assert_eq!(m.point((fig.x.min, fig.y.max)), (116, 50));
        assert_eq!(m.x.offset(fig.x.max), 984.0);
    }
}
